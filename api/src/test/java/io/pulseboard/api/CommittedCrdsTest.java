package io.pulseboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CRDs committed in crds/ must be exactly what the Java model generates. */
class CommittedCrdsTest {
  private static final Path GENERATED = Path.of("target/classes/META-INF/fabric8");
  private static final Path COMMITTED = Path.of("../crds");
  private static final Path CHART = Path.of("../helm/pulseboard/crds");

  @ParameterizedTest
  @ValueSource(strings = {"analyticsstreams", "dashboards"})
  void committedCrdMatchesTheModel(String plural) throws IOException {
    String file = plural + ".analytics.pulseboard.io-v1.yml";
    assertThat(Files.readString(COMMITTED.resolve(file)))
        .as("crds/%s drifted from the Java model; run ./pulseboard crds and commit the result", file)
        .isEqualTo(Files.readString(GENERATED.resolve(file)));
    assertThat(Files.readString(CHART.resolve(file)))
        .as("helm/pulseboard/crds/%s differs from crds/; run ./pulseboard crds and commit the result", file)
        .isEqualTo(Files.readString(COMMITTED.resolve(file)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"analyticsstreams", "dashboards"})
  void everyPropertyHasADescription(String plural) throws IOException {
    String yaml = Files.readString(GENERATED.resolve(plural + ".analytics.pulseboard.io-v1.yml"));
    assertThat(CrdDescriptions.propertiesWithoutDescription(yaml))
        .as("every field needs a description: it is what kubectl explain prints")
        .isEmpty();
  }
}
