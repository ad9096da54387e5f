package io.pulseboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.pulseboard.api.validation.CrdValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fabric8 mock API server enforces no schema, so the generated CRDs' OpenAPI schemas and CEL rules
 * are evaluated here against valid and invalid resources.
 */
class CrdRulesTest {
  private static CrdValidator streams;
  private static CrdValidator dashboards;
  private static String quickstartStream;
  private static String quickstartDashboard;

  @BeforeAll
  static void load() throws IOException {
    Path crds = Path.of("target/classes/META-INF/fabric8");
    streams = CrdValidator.fromCrdYaml(Files.readString(crds.resolve("analyticsstreams.analytics.pulseboard.io-v1.yml")));
    dashboards = CrdValidator.fromCrdYaml(Files.readString(crds.resolve("dashboards.analytics.pulseboard.io-v1.yml")));
    quickstartStream = Files.readString(Path.of("../examples/quickstart/stream.yaml"));
    quickstartDashboard = Files.readString(Path.of("../examples/quickstart/dashboard.yaml"));
  }

  @Test
  void aStreamWithNeitherDimensionsNorFieldsIsValid() {
    String countOnly = quickstartStream
        .replaceAll("(?s)  dimensions:.*?  measures:", "  measures:")
        .replaceAll("(?s)  measures:.*?  rollups:", "  measures:\n    - name: events\n      aggregate: count\n  rollups:");
    assertThat(countOnly).doesNotContain("dimensions:", "fields:", "revenue");
    assertThat(streams.validate(countOnly)).isEmpty();
  }

  @Test
  void quickstartExamplesAreValid() {
    assertThat(streams.validate(quickstartStream)).isEmpty();
    assertThat(dashboards.validate(quickstartDashboard)).isEmpty();
  }

  static Stream<Arguments> invalidStreams() {
    return Stream.of(
        // what is broken, text replaced, by, expected message part
        arguments("measure names an undeclared field", "field: amount", "field: price", "must name a declared field"),
        arguments("sum on a string field", "aggregate: sum\n      field: amount", "aggregate: sum\n      field: user_id",
            "need a numeric or datetime field"),
        arguments("quantile of 1", "[0.5, 0.9, 0.99]", "[0.5, 1.0]", "strictly between 0 and 1"),
        arguments("quantile of 0", "[0.5, 0.9, 0.99]", "[0, 0.5]", "strictly between 0 and 1"),
        arguments("duplicate granularity", "granularity: 1h", "granularity: 1m", "only once"),
        arguments("duplicate measure name", "name: buyers", "name: revenue", "measure names must be unique"),
        arguments("duplicate dimension", "name: platform", "name: country", "names must be unique"),
        arguments("field named like a dimension", "name: user_id", "name: country", "names must be unique"),
        arguments("sum without a field", "aggregate: sum\n      field: amount", "aggregate: sum", "except count must name a field"),
        arguments("quantiles without levels", "\n      quantiles: [0.5, 0.9, 0.99]", "", "needs a list of quantiles"),
        arguments("unknown granularity", "granularity: 1d", "granularity: 5m", "granularity"),
        arguments("unknown aggregate", "aggregate: count", "aggregate: median", "aggregate"),
        arguments("name with SQL in it", "name: amount", "name: 'amount`; DROP TABLE x'", "name"),
        arguments("upper case database", "database: quickstart", "database: Quick", "database"),
        arguments("over-long dimension name", "name: platform", "name: platform_with_a_name_that_is_far_too_long_for_a_column", "name"),
        arguments("missing topic", "topic: quickstart.checkout", "other: x", "topic"),
        arguments("bad lateness", "lateness: 1h", "lateness: an hour", "lateness"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidStreams")
  void invalidStreamsAreRefusedWithTheRuleMessage(String what, String from, String to, String expected) {
    String broken = replace(quickstartStream, from, to);
    assertThat(streams.validate(broken)).as(what).anySatisfy(m -> assertThat(m).contains(expected));
  }

  static Stream<Arguments> invalidDashboards() {
    return Stream.of(
        arguments("duplicate panel id", "id: revenue", "id: events", "panel ids must be unique"),
        arguments("unknown panel type", "measure: events", "measure: events\n      type: pie", "type"),
        arguments("refresh in hours", "refresh: 1s", "refresh: 1h", "refresh"),
        arguments("both measure and measures", "measure: revenue", "measure: revenue\n      measures: [revenue, events]",
            "set exactly one of measure and measures"),
        arguments("neither measure nor measures", "      measure: revenue\n", "", "set exactly one of measure and measures"),
        arguments("five measures", "measure: revenue", "measures: [a, b, c, d, e]", "measures"),
        arguments("the same measure twice", "measure: revenue", "measures: [revenue, revenue]", "measures must be unique"),
        arguments("measure name with SQL in it", "measure: revenue", "measures: ['revenue`; DROP TABLE x']", "measures must be measure names"),
        arguments("range in seconds", "measure: revenue", "measure: revenue\n      range: 30s", "range"),
        arguments("limit over 50", "groupBy: [country]", "groupBy: [country]\n      limit: 51", "limit"),
        arguments("limit of 0", "groupBy: [country]", "groupBy: [country]\n      limit: 0", "limit"),
        arguments("duplicate variable name", "dimension: country", "dimension: country\n    - name: country\n      dimension: platform",
            "variable names must be unique"),
        arguments("variable name with upper case", "name: country", "name: Country", "name"),
        arguments("variable without dimension", "      dimension: country\n", "", "dimension"),
        arguments("ingress without host", "cacheTtl: 1s", "cacheTtl: 1s\n    ingress: {path: /}", "host"),
        arguments("ingress host with a scheme", "cacheTtl: 1s", "cacheTtl: 1s\n    ingress: {host: 'http://x'}", "host"),
        arguments("resources with gpus", "cacheTtl: 1s", "cacheTtl: 1s\n    resources: {limits: {gpu: '1'}}", "only cpu and memory"),
        arguments("resources not a quantity", "cacheTtl: 1s", "cacheTtl: 1s\n    resources: {requests: {memory: lots}}",
            "must be quantities"));
  }

  @Test
  void newDashboardFieldsAreAccepted() {
    String full = replace(quickstartDashboard, "cacheTtl: 1s",
        "cacheTtl: 1s\n    ingress: {host: dash.example.com, className: nginx, path: /checkout, tlsSecret: dash-tls}"
            + "\n    resources: {requests: {cpu: 100m, memory: 256Mi}, limits: {memory: 512Mi}}");
    full = replace(full, "measure: revenue", "measures: [revenue, events]\n      range: 7d\n      limit: 5");
    assertThat(dashboards.validate(full)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDashboards")
  void invalidDashboardsAreRefused(String what, String from, String to, String expected) {
    String broken = replace(quickstartDashboard, from, to);
    assertThat(dashboards.validate(broken)).as(what).anySatisfy(m -> assertThat(m).contains(expected));
  }

  private static String replace(String yaml, String from, String to) {
    String f = from.replace("\\n", "\n");
    assertThat(yaml).as("the example still contains the text the test changes").contains(f);
    return yaml.replaceFirst(java.util.regex.Pattern.quote(f), java.util.regex.Matcher.quoteReplacement(to.replace("\\n", "\n")));
  }
}
