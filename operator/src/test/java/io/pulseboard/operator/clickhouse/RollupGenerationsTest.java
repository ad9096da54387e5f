package io.pulseboard.operator.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.Granularity;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RollupGenerationsTest {
  private static final StreamNames NAMES = StreamNames.of("shop", "checkout");

  @Test
  void tablesViewsAndMarkersAreReadFromTheirNames() {
    RollupGenerations generations = RollupGenerations.of(NAMES, Set.of("checkout_raw", "checkout_1m",
        "checkout_1m_mv_v1", "checkout_1m_v2", "checkout_1m_v2_mv_v2", "checkout_1m_v2_backfill", "checkout_1h",
        "checkout_1h_mv_v1", "checkout_1h_mv_v2", "checkout_10m", "checkout_1m_vx", "other_1m_mv_v7"));

    assertThat(generations.generations(Granularity.MINUTE)).containsExactly(
        java.util.Map.entry(1, "checkout_1m"), java.util.Map.entry(2, "checkout_1m_v2"));
    assertThat(generations.latest(Granularity.MINUTE)).hasValue("checkout_1m_v2");
    assertThat(generations.serving(Granularity.MINUTE)).hasValue("checkout_1m");
    assertThat(generations.serving(Granularity.HOUR)).hasValue("checkout_1h");
    assertThat(generations.serving(Granularity.DAY)).isEmpty();
    assertThat(generations.views("checkout_1h")).containsExactly(1, 2);
    assertThat(generations.latestVersion()).hasValue(2);
    assertThat(generations.unfinishedBelow(2)).isTrue();
  }

  @Test
  void aStreamWithOnlyTheViewsOfOneVersionHasNoUnfinishedChange() {
    RollupGenerations generations = RollupGenerations.of(NAMES, Set.of("checkout_1m_v3", "checkout_1m_v3_mv_v3",
        "checkout_1h", "checkout_1h_mv_v3"));

    assertThat(generations.unfinishedBelow(3)).isFalse();
    assertThat(generations.serving(Granularity.MINUTE)).hasValue("checkout_1m_v3");
    assertThat(RollupGenerations.table(NAMES, Granularity.DAY, 1)).isEqualTo("checkout_1d");
    assertThat(RollupGenerations.table(NAMES, Granularity.DAY, 4)).isEqualTo("checkout_1d_v4");
  }
}
