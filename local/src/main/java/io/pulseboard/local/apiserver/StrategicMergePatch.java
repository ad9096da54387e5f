package io.pulseboard.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a strategic merge patch (what kubectl sends to re-apply or edit a built-in kind) into a JSON merge
 * patch the CRUD store understands. The two differ only for lists: a strategic patch merges list items by a
 * key (containers by name, volume mounts by mount path...) while a merge patch replaces the whole list. So
 * every list in the patch is merged here against the current object and sent in full. Directives
 * ({@code $patch}, {@code $setElementOrder/...}, {@code $deleteFromPrimitiveList/...}, {@code $retainKeys})
 * are applied or dropped.
 */
final class StrategicMergePatch {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PATCH = "$patch";
  private static final String ORDER = "$setElementOrder/";
  private static final String DELETE_PRIMITIVE = "$deleteFromPrimitiveList/";

  /** Lists of objects merged by a key, per field name, as the Kubernetes types declare them. */
  private static final Map<String, List<String>> MERGE_KEYS = Map.ofEntries(
      Map.entry("containers", List.of("name")),
      Map.entry("initContainers", List.of("name")),
      Map.entry("ephemeralContainers", List.of("name")),
      Map.entry("env", List.of("name")),
      Map.entry("volumes", List.of("name")),
      Map.entry("imagePullSecrets", List.of("name")),
      Map.entry("volumeMounts", List.of("mountPath")),
      Map.entry("volumeDevices", List.of("devicePath")),
      Map.entry("ports", List.of("containerPort", "port")),
      Map.entry("hostAliases", List.of("ip")),
      Map.entry("conditions", List.of("type")),
      Map.entry("ownerReferences", List.of("uid")),
      Map.entry("topologySpreadConstraints", List.of("topologyKey")));

  /** Lists of plain values whose items are merged as a set rather than replaced. */
  private static final Set<String> MERGED_PRIMITIVE_LISTS = Set.of("finalizers");

  private StrategicMergePatch() {}

  /** The JSON merge patch that has the same effect on {@code current} as the strategic {@code patch}. */
  static JsonNode toMergePatch(JsonNode current, JsonNode patch) {
    return translateObject(current == null ? NODES.objectNode() : current, patch);
  }

  private static JsonNode translateObject(JsonNode current, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    String directive = patch.path(PATCH).asText("");
    if (directive.equals("delete")) {
      return NullNode.getInstance();
    }
    ObjectNode result = NODES.objectNode();
    if (directive.equals("replace")) {
      current.fieldNames().forEachRemaining(name -> {
        if (!patch.has(name)) {
          result.putNull(name);
        }
      });
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.startsWith(DELETE_PRIMITIVE) && !patch.has(name.substring(DELETE_PRIMITIVE.length()))) {
        String list = name.substring(DELETE_PRIMITIVE.length());
        result.set(list, mergeList(list, current.get(list), NODES.arrayNode(), patch));
      } else if (name.startsWith("$")) {
        continue;
      } else if (value.isObject()) {
        JsonNode existing = current.get(name);
        result.set(name, translateObject(existing != null && existing.isObject() ? existing : NODES.objectNode(), value));
      } else if (value.isArray()) {
        result.set(name, mergeList(name, current.get(name), (ArrayNode) value, patch));
      } else {
        result.set(name, value);
      }
    }
    return result;
  }

  private static JsonNode mergeList(String name, JsonNode current, ArrayNode patch, JsonNode parentPatch) {
    ArrayNode existing = current != null && current.isArray() ? (ArrayNode) current : NODES.arrayNode();
    String key = mergeKey(name, existing, patch);
    if (key != null) {
      return mergeByKey(key, existing, patch, parentPatch.get(ORDER + name));
    }
    if (MERGED_PRIMITIVE_LISTS.contains(name) || parentPatch.has(DELETE_PRIMITIVE + name)) {
      return mergePrimitives(existing, patch, parentPatch.get(DELETE_PRIMITIVE + name));
    }
    ArrayNode replaced = NODES.arrayNode();
    patch.forEach(item -> replaced.add(withoutDirectives(item)));
    return replaced;
  }

  private static String mergeKey(String name, ArrayNode existing, ArrayNode patch) {
    List<String> candidates = MERGE_KEYS.get(name);
    if (candidates == null) {
      return null;
    }
    for (String candidate : candidates) {
      JsonNode sample = patch.isEmpty() ? existing.path(0) : patch.get(0);
      if (sample.has(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static JsonNode mergeByKey(String key, ArrayNode existing, ArrayNode patch, JsonNode order) {
    Map<String, JsonNode> merged = new LinkedHashMap<>();
    existing.forEach(item -> merged.put(item.path(key).asText(), item));
    for (JsonNode item : patch) {
      String id = item.path(key).asText();
      if (item.path(PATCH).asText("").equals("delete")) {
        merged.remove(id);
      } else if (merged.containsKey(id)) {
        JsonNode before = merged.get(id);
        merged.put(id, JsonMergePatch.apply(before, translateObject(before, item)));
      } else {
        merged.put(id, withoutDirectives(item));
      }
    }
    ArrayNode result = NODES.arrayNode();
    if (order != null && order.isArray()) {
      for (JsonNode wanted : order) {
        JsonNode item = merged.remove(wanted.path(key).asText());
        if (item != null) {
          result.add(item);
        }
      }
    }
    merged.values().forEach(result::add);
    return result;
  }

  private static JsonNode mergePrimitives(ArrayNode existing, ArrayNode patch, JsonNode deletions) {
    List<JsonNode> values = new ArrayList<>();
    existing.forEach(values::add);
    patch.forEach(v -> {
      if (!values.contains(v)) {
        values.add(v);
      }
    });
    if (deletions != null) {
      deletions.forEach(values::remove);
    }
    ArrayNode result = NODES.arrayNode();
    values.forEach(result::add);
    return result;
  }

  private static JsonNode withoutDirectives(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = NODES.objectNode();
      node.fields().forEachRemaining(f -> {
        if (!f.getKey().startsWith("$")) {
          copy.set(f.getKey(), withoutDirectives(f.getValue()));
        }
      });
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = NODES.arrayNode();
      node.forEach(item -> copy.add(withoutDirectives(item)));
      return copy;
    }
    return node;
  }
}
