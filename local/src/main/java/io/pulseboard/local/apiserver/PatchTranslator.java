package io.pulseboard.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Turns merge patches into JSON patches for the CRUD store. The store applies a merge patch with Jackson's
 * updating reader, which appends to lists and keeps nulls instead of removing fields (RFC 7386 replaces
 * lists and removes nulled fields): a re-applied Deployment would get its containers twice. Here the patch
 * is applied properly and the store gets a JSON patch that sets each changed top-level field.
 */
final class PatchTranslator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PatchTranslator() {}

  /** The JSON patch that turns {@code current} into {@code current} merged with a merge patch. */
  static ArrayNode fromMergePatch(JsonNode current, JsonNode mergePatch) {
    return diff(current, JsonMergePatch.apply(current, mergePatch));
  }

  /** The JSON patch that turns {@code current} into {@code current} merged with a strategic merge patch. */
  static ArrayNode fromStrategicMergePatch(JsonNode current, JsonNode strategicPatch) {
    return fromMergePatch(current, StrategicMergePatch.toMergePatch(current, strategicPatch));
  }

  private static ArrayNode diff(JsonNode current, JsonNode target) {
    ArrayNode ops = NODES.arrayNode();
    target.fields().forEachRemaining(field -> {
      if (!field.getValue().equals(current.get(field.getKey()))) {
        ops.addObject().put("op", "add").put("path", pointer(field.getKey())).set("value", field.getValue());
      }
    });
    current.fieldNames().forEachRemaining(name -> {
      if (!target.has(name)) {
        ops.addObject().put("op", "remove").put("path", pointer(name));
      }
    });
    return ops;
  }

  private static String pointer(String field) {
    return "/" + field.replace("~", "~0").replace("/", "~1");
  }
}
