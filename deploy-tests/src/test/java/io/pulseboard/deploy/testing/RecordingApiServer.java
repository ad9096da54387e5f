package io.pulseboard.deploy.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fabric8 mock API server in CRUD mode on loopback, with Pulseboard's CRDs from crds/, that records
 * every request with its User-Agent: the operator's client identifies itself, so its requests can be told
 * from the test's own. Expectations (server().expect()) answer first, as in the mock's mixed mode.
 */
public final class RecordingApiServer implements AutoCloseable {
  public static final String OPERATOR_AGENT = "pulseboard-operator-under-test";
  private static final Path CRDS = Path.of("../crds");

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final List<ApiRequest> requests = new CopyOnWriteArrayList<>();

  private RecordingApiServer() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    Dispatcher crud = new KubernetesMixedDispatcher(responses);
    Dispatcher recording = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.add(new ApiRequest(request.getMethod(), request.getPath(), request.getHeader("User-Agent")));
        return crud.dispatch(request);
      }
    };
    server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, recording, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
  }

  public static RecordingApiServer start() {
    RecordingApiServer api = new RecordingApiServer();
    try (var files = Files.list(CRDS)) {
      for (Path crd : files.sorted().toList()) {
        api.client.resource(new KubernetesSerialization().unmarshal(Files.readString(crd),
            CustomResourceDefinition.class)).create();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return api;
  }

  public KubernetesMockServer server() {
    return server;
  }

  /** The test's client. */
  public KubernetesClient client() {
    return client;
  }

  /** A client whose requests are recorded as the operator's. */
  public KubernetesClient operatorClient() {
    Config config = new ConfigBuilder(client.getConfiguration()).withUserAgent(OPERATOR_AGENT).build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  public String url() {
    return client.getConfiguration().getMasterUrl();
  }

  public List<ApiRequest> requests() {
    return List.copyOf(requests);
  }

  public <T extends HasMetadata> T create(T resource) {
    return client.resource(resource).create();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
