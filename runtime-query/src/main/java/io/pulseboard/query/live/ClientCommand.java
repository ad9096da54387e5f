package io.pulseboard.query.live;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client-to-server message: {@code subscribe} (dashboard, panel, optional rangeMs, optional since: the
 * start of the last bucket a reconnecting client saw, optional vars: variable values by name, as the
 * REST {@code var.<name>} parameters) or {@code unsubscribe} (panel).
 */
record ClientCommand(String type, String dashboard, String panel, Long rangeMs, Long since, Map<String, String> vars) {
  ClientCommand {
    vars = vars == null ? Map.of() : Map.copyOf(vars);
  }

  ClientCommand(String type, String dashboard, String panel, Long rangeMs, Long since) {
    this(type, dashboard, panel, rangeMs, since, Map.of());
  }

  ClientCommand(String type, String dashboard, String panel, Long rangeMs) {
    this(type, dashboard, panel, rangeMs, null);
  }

  static final String SUBSCRIBE = "subscribe";
  static final String UNSUBSCRIBE = "unsubscribe";

  /** @throws IllegalArgumentException with a message for the client */
  static ClientCommand parse(JsonMapper json, String text) {
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("message is not JSON");
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("message is not a JSON object");
    }
    String type = text(node, "type");
    if (!SUBSCRIBE.equals(type) && !UNSUBSCRIBE.equals(type)) {
      throw new IllegalArgumentException("type must be subscribe or unsubscribe");
    }
    String panel = text(node, "panel");
    if (panel == null) {
      throw new IllegalArgumentException("panel is missing");
    }
    return new ClientCommand(type, text(node, "dashboard"), panel, integer(node, "rangeMs"), integer(node, "since"), vars(node));
  }

  private static Map<String, String> vars(JsonNode node) {
    JsonNode value = node.get("vars");
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw new IllegalArgumentException("vars must be an object of variable names to values");
    }
    Map<String, String> vars = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      if (!entry.getValue().isString()) {
        throw new IllegalArgumentException("vars values must be strings");
      }
      vars.put(entry.getKey(), entry.getValue().stringValue());
    }
    return vars;
  }

  private static Long integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new IllegalArgumentException(field + " must be an integer");
    }
    return value.asLong();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }
}
