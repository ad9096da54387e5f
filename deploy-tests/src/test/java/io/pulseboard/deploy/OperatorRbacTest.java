package io.pulseboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chart grants the operator exactly the reviewed list, in every watch mode. */
class OperatorRbacTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "namespaced.yaml", "monitoring.yaml"})
  void theChartGrantsTheOperatorExactlyTheReviewedList(String valuesFile) {
    List<HasMetadata> resources = Chart.render(valuesFile.isEmpty() ? null : valuesFile);
    assertThat(OperatorRbac.allOperatorGrants(resources))
        .as("grants of the chart vs %s; review a change there", OperatorRbac.REVIEWED)
        .containsExactlyInAnyOrderElementsOf(OperatorRbac.reviewed());
  }
}
