package io.pulseboard.local.apiserver;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kubernetes API on 127.0.0.1 for local mode and tests: fabric8's mock server in CRUD mode behind a
 * dispatcher that adds what kubectl needs. Plain HTTP, no authentication: it only listens on loopback.
 */
public final class EmbeddedApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedApiServer.class);
  /** The mock web server logs every request through java.util.logging; held so the level setting sticks. */
  private static final java.util.logging.Logger REQUEST_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final String url;

  private EmbeddedApiServer(KubernetesMockServer server, String url) {
    this.server = server;
    this.url = url;
    this.client = new KubernetesClientBuilder().withConfig(config()).build();
  }

  /** Starts the server on a free loopback port. */
  public static EmbeddedApiServer start() {
    REQUEST_LOG.setLevel(java.util.logging.Level.WARNING);
    ApiServerDispatcher dispatcher = new ApiServerDispatcher();
    KubernetesMockServer server =
        new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    String hostAndPort = "127.0.0.1:" + server.getPort();
    dispatcher.serverAddress(hostAndPort);
    LOG.info("Kubernetes API listening on http://{}", hostAndPort);
    return new EmbeddedApiServer(server, "http://" + hostAndPort);
  }

  /** Base URL, such as {@code http://127.0.0.1:40123}. */
  public String url() {
    return url;
  }

  public int port() {
    return server.getPort();
  }

  /** A client for this server, shared; closed with the server. */
  public KubernetesClient client() {
    return client;
  }

  /** A client configuration for this server that reads nothing from the environment or ~/.kube. */
  public Config config() {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url)
        .withNamespace("default")
        .withHttp2Disable(true)
        .withRequestTimeout(30_000)
        .withConnectionTimeout(10_000)
        .build();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
