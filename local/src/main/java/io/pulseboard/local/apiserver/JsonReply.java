package io.pulseboard.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.HttpURLConnection;

/** A status code and a JSON body the embedded server answers itself, without the CRUD store. */
record JsonReply(int code, JsonNode body) {

  static JsonReply notFound(String message) {
    return status(HttpURLConnection.HTTP_NOT_FOUND, "NotFound", message);
  }

  /** A Kubernetes {@code Status} object, which kubectl turns into a readable error. */
  static JsonReply status(int code, String reason, String message) {
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", message);
    status.put("reason", reason);
    status.put("code", code);
    return new JsonReply(code, status);
  }
}
