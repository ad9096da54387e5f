package io.pulseboard.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionList;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts what kubectl and the operator need in front of fabric8's CRUD store: discovery documents, merge and
 * strategic merge patches applied correctly, server-side tables for printer columns, and a JSON content type
 * on every answer. Writes are serialised, so a patch read-modify-write cannot interleave with another write.
 */
final class ApiServerDispatcher extends Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServerDispatcher.class);
  private static final String CRDS_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
  private static final String STRATEGIC = "strategic-merge-patch+json";
  private static final String MERGE = "merge-patch+json";
  private static final String APPLY = "apply-patch+yaml";
  private static final String JSON_PATCH = "application/json-patch+json";

  private final KubernetesCrudDispatcher store = new KubernetesCrudDispatcher();
  private final KubernetesSerialization serialization = new KubernetesSerialization();
  private final ObjectMapper mapper = new ObjectMapper();
  private final ResourceCatalog catalog = new ResourceCatalog(this::storedCrds);
  private final TableConverter tables = new TableConverter(catalog, Clock.systemUTC());
  private final Lock writes = new ReentrantLock();
  private volatile DiscoveryResponder discovery;

  /** Called once the port is known: discovery announces the server's address. */
  void serverAddress(String hostAndPort) {
    discovery = new DiscoveryResponder(catalog, hostAndPort);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    try {
      return route(request);
    } catch (RuntimeException e) {
      // Without an answer the client would wait forever: the mock server sends nothing on an exception.
      LOG.warn("{} {} failed", request.method(), request.getPath(), e);
      return json(JsonReply.status(HttpURLConnection.HTTP_INTERNAL_ERROR, "InternalError", String.valueOf(e.getMessage())));
    }
  }

  private MockResponse route(RecordedRequest request) {
    String path = pathOnly(request.getPath());
    LOG.debug("{} {}", request.method(), request.getPath());
    if (String.valueOf(request.getHeader("Content-Type")).contains("protobuf")) {
      // kubectl's generators (kubectl create configmap ...) send protobuf; apply, patch, edit send JSON.
      return json(JsonReply.status(HttpURLConnection.HTTP_UNSUPPORTED_TYPE, "UnsupportedMediaType",
          "the embedded API server reads JSON only; use kubectl apply -f instead of kubectl create <kind>"));
    }
    if (request.method() == HttpMethod.GET) {
      Optional<JsonReply> reply = discovery.respond(path);
      return reply.isPresent() ? json(reply.get()) : read(request, path);
    }
    writes.lock();
    try {
      return write(request);
    } finally {
      writes.unlock();
    }
  }

  private MockResponse read(RecordedRequest request, String path) {
    if (isPlainHttpWatch(request)) {
      return json(JsonReply.status(HttpURLConnection.HTTP_BAD_METHOD, "MethodNotAllowed",
          "the embedded API server streams watches over WebSocket only (as fabric8 clients use them); "
              + "kubectl get --watch is not supported, poll with kubectl get instead"));
    }
    MockResponse response = store.dispatch(request);
    if (response.code() == HttpURLConnection.HTTP_OK && response.getWebSocketListener() == null
        && TableConverter.wantsTable(request.getHeader("Accept"))) {
      Optional<JsonNode> table = tables.convert(path, read(response));
      if (table.isPresent()) {
        return json(new JsonReply(HttpURLConnection.HTTP_OK, table.get()));
      }
    }
    return withJsonType(response);
  }

  /**
   * Writes reach the store without their query string: it recognises a status write only when the path ends
   * in /status, and parameters such as fieldManager mean nothing to it. A dry run would really write, so it
   * is refused.
   */
  private MockResponse write(RecordedRequest original) {
    if (original.getPath().contains("dryRun=")) {
      return json(JsonReply.status(HttpURLConnection.HTTP_BAD_REQUEST, "BadRequest",
          "server-side dry run is not supported by the embedded API server"));
    }
    RecordedRequest request = new RecordedRequest(original.getHttpVersion(), original.method(),
        pathOnly(original.getPath()), original.getHeaders(), original.getBody());
    if (request.method() == HttpMethod.PATCH) {
      String contentType = String.valueOf(request.getHeader("Content-Type"));
      if (contentType.contains(APPLY)) {
        return json(JsonReply.status(HttpURLConnection.HTTP_UNSUPPORTED_TYPE, "UnsupportedMediaType",
            "server-side apply is not supported by the embedded API server; use client-side apply"));
      }
      if (contentType.contains(MERGE)) {
        request = asJsonPatch(request, contentType.contains(STRATEGIC));
      }
    }
    MockResponse response = store.dispatch(request);
    if (response == null) {
      return json(JsonReply.status(HttpURLConnection.HTTP_BAD_METHOD, "MethodNotAllowed",
          request.method() + " is not supported"));
    }
    return withJsonType(response);
  }

  /** kubectl watches with a long-lived chunked HTTP response, which the mock server cannot stream. */
  private static boolean isPlainHttpWatch(RecordedRequest request) {
    String query = request.getPath().contains("?") ? request.getPath().substring(request.getPath().indexOf('?')) : "";
    String upgrade = request.getHeader("Upgrade");
    return query.contains("watch=true") && (upgrade == null || !upgrade.toLowerCase(Locale.ROOT).contains("websocket"));
  }

  private static MockResponse withJsonType(MockResponse response) {
    if (response.header("Content-Type") == null) {
      response.setHeader("Content-Type", "application/json");
    }
    return response;
  }

  /** Merge and strategic merge patches are applied here; the store gets the equivalent JSON patch. */
  private RecordedRequest asJsonPatch(RecordedRequest request, boolean strategic) {
    String objectPath = pathOnly(request.getPath()).replaceFirst("/status$", "");
    MockResponse current = store.handleGet(objectPath);
    if (current.code() != HttpURLConnection.HTTP_OK) {
      return request;
    }
    JsonNode patch = strategic
        ? PatchTranslator.fromStrategicMergePatch(read(current), readBody(request))
        : PatchTranslator.fromMergePatch(read(current), readBody(request));
    Headers headers = request.getHeaders().newBuilder().set("Content-Type", JSON_PATCH).build();
    Buffer body = new Buffer().writeUtf8(patch.toString());
    return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(), headers, body);
  }

  private List<CustomResourceDefinition> storedCrds() {
    MockResponse list = store.handleGet(CRDS_PATH);
    String body = list.getBody() == null ? "" : new String(list.getBody().getBytes(), StandardCharsets.UTF_8);
    if (list.code() != HttpURLConnection.HTTP_OK || body.isEmpty()) {
      return List.of();
    }
    return serialization.unmarshal(body, CustomResourceDefinitionList.class).getItems();
  }

  private JsonNode read(MockResponse response) {
    try {
      return mapper.readTree(response.getBody().getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode readBody(RecordedRequest request) {
    try {
      return mapper.readTree(request.getBody().getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MockResponse json(JsonReply reply) {
    return new MockResponse().setResponseCode(reply.code())
        .setHeader("Content-Type", "application/json")
        .setBody(reply.body().toString());
  }

  private static String pathOnly(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }
}
