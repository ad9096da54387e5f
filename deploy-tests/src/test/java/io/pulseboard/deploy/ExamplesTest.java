package io.pulseboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.validation.CrdValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example passes the CRD's OpenAPI schema and CEL rules, as a real API server would check them. */
class ExamplesTest {
  private static final Map<String, CrdValidator> BY_KIND = Map.of(
      "AnalyticsStream", validator("analyticsstreams"), "Dashboard", validator("dashboards"));

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.walk(Examples.DIR)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void passesTheCrdSchemaAndRules(Path file) throws IOException {
    String yaml = Files.readString(file);
    assertThat(yaml.split("(?m)^---\\s*$")).as("one resource per example file").hasSize(1);
    String kind = yaml.lines().filter(l -> l.startsWith("kind:")).findFirst().orElseThrow().substring(5).trim();
    assertThat(BY_KIND).containsKey(kind);
    assertThat(BY_KIND.get(kind).validate(yaml)).as(file.toString()).isEmpty();
    assertThat(yaml).as("%s starts with a comment saying what it shows", file).satisfiesAnyOf(
        y -> assertThat(y).startsWith("#"), y -> assertThat(file.toString()).contains("dashboard"));
  }

  private static CrdValidator validator(String plural) {
    try {
      return CrdValidator.fromCrdYaml(Files.readString(Path.of("../crds", plural + ".analytics.pulseboard.io-v1.yml")));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
