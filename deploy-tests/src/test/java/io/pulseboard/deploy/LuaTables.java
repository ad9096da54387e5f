package io.pulseboard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Writes a JSON tree as a Lua table constructor, the shape Argo CD hands a health script as obj. */
final class LuaTables {
  private LuaTables() {}

  static String of(JsonNode node) {
    if (node.isObject()) {
      StringBuilder out = new StringBuilder("{");
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        out.append('[').append(string(field.getKey())).append("]=").append(of(field.getValue())).append(',');
      }
      return out.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder out = new StringBuilder("{");
      node.forEach(item -> out.append(of(item)).append(','));
      return out.append('}').toString();
    }
    if (node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    return node.isNull() ? "nil" : string(node.asText());
  }

  private static String string(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\%03d", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
