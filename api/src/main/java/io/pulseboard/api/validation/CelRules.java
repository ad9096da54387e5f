package io.pulseboard.api.validation;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** Evaluates the {@code x-kubernetes-validations} CEL rules of a schema against a value, level by level. */
final class CelRules {
  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

  void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return;
    }
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      String expression = rule.path("rule").asString();
      if (!holds(expression, value)) {
        String message = rule.has("message") ? rule.path("message").asString() : "failed rule: " + expression;
        problems.add((path.isEmpty() ? "<root>" : path) + ": Invalid value: " + message);
      }
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      check(property.getValue(), value.path(property.getKey()), path + "." + property.getKey(), problems);
    }
    JsonNode items = schema.path("items");
    if (!items.isMissingNode() && value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        check(items, value.get(i), path + "[" + i + "]", problems);
      }
    }
  }

  private boolean holds(String expression, JsonNode value) {
    try {
      Object result = programs.computeIfAbsent(expression, CelRules::compile).eval(Map.of("self", toCel(value)));
      return Boolean.TRUE.equals(result);
    } catch (CelEvaluationException e) {
      return false;
    }
  }

  private static CelRuntime.Program compile(String expression) {
    try {
      CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
      return RUNTIME.createProgram(ast);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalArgumentException("invalid CEL rule '" + expression + "': " + e.getMessage(), e);
    }
  }

  /** JSON to the values CEL expects: maps, lists, int64, double, string, bool. */
  private static Object toCel(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), toCel(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(toCel(n)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.asString();
  }
}
