package io.pulseboard.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of kubectl's JSONPath that printer columns use: field steps ({@code .status.url}), indexes
 * ({@code [0]}) and equality filters ({@code [?(@.type=="Ready")]}).
 */
final class JsonPathLite {
  private static final Pattern STEP = Pattern.compile(
      "\\.([A-Za-z0-9_\\-]+)|\\[(\\d+)]|\\[\\?\\(@\\.([A-Za-z0-9_\\-]+)\\s*==\\s*[\"']([^\"']*)[\"']\\)]");
  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]*)}");

  private JsonPathLite() {}

  /** The first value the path selects, if any. */
  static Optional<JsonNode> first(JsonNode root, String path) {
    List<JsonNode> current = List.of(root);
    Matcher m = STEP.matcher(path.trim());
    int end = 0;
    while (m.find() && m.start() == end) {
      end = m.end();
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        if (m.group(1) != null && node.has(m.group(1))) {
          next.add(node.get(m.group(1)));
        } else if (m.group(2) != null && node.isArray() && node.has(Integer.parseInt(m.group(2)))) {
          next.add(node.get(Integer.parseInt(m.group(2))));
        } else if (m.group(3) != null && node.isArray()) {
          node.forEach(item -> {
            if (item.path(m.group(3)).asText().equals(m.group(4))) {
              next.add(item);
            }
          });
        }
      }
      current = next;
    }
    return end == path.trim().length() && !current.isEmpty() ? Optional.of(current.get(0)) : Optional.empty();
  }

  /** Replaces each {@code {path}} in a template with its value, or 0 when absent. */
  static String template(JsonNode root, String template) {
    Matcher m = TEMPLATE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = first(root, m.group(1)).filter(v -> !v.isNull()).map(JsonNode::asText).orElse("0");
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
