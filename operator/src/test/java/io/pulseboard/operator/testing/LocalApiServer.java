package io.pulseboard.operator.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;

/** The fabric8 mock API server in CRUD mode on loopback, with Pulseboard's CRDs from the api jar. */
public final class LocalApiServer implements AutoCloseable {
  private static final String[] CRDS = {
      "META-INF/fabric8/analyticsstreams.analytics.pulseboard.io-v1.yml",
      "META-INF/fabric8/dashboards.analytics.pulseboard.io-v1.yml"};

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private LocalApiServer() {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
  }

  public static LocalApiServer start() {
    LocalApiServer api = new LocalApiServer();
    for (String crd : CRDS) {
      api.client.resource(read(crd)).create();
    }
    return api;
  }

  public KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }

  private static CustomResourceDefinition read(String resource) {
    try (InputStream in = LocalApiServer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path; is pulseboard-api built?");
      }
      return new io.fabric8.kubernetes.client.utils.KubernetesSerialization().unmarshal(in,
          CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
