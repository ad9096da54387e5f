package io.pulseboard.query.panel;

import static io.pulseboard.query.TestingPipelines.checkout;
import static io.pulseboard.query.TestingPipelines.panel;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.v1alpha1.PanelSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopGroupsTest {
  private static final PanelDefinition TOP_TWO = topTwo();

  private static PanelDefinition topTwo() {
    PanelSpec spec = panel("p", "events", List.of("country"), null, List.of());
    spec.setLimit(2);
    return PanelResolver.resolve(spec, Map.of("checkout", checkout()));
  }

  private static Series events(String country, long v) {
    return new Series(Map.of("country", country), "events", List.of(new Point(60_000, v)));
  }

  @Test
  void aLiveRefreshFollowsTheGroupsOfTheSnapshotNotItsOwnRanking() {
    // the snapshot kept de and fr; in the re-read bucket jp is the largest
    List<Series> refreshed = TopGroups.fold(TOP_TWO, List.of(events("de", 1), events("fr", 2), events("jp", 9)),
        Set.of(Map.of("country", "de"), Map.of("country", "fr")));

    assertThat(refreshed).containsExactly(
        new Series(Map.of("country", "__other__"), "events", List.of(new Point(60_000, 9L)), true),
        events("de", 1),
        events("fr", 2));
  }

  @Test
  void aNewGroupIsShownOnItsOwnWhileTheSnapshotHadRoom() {
    List<Series> refreshed = TopGroups.fold(TOP_TWO, List.of(events("de", 1), events("jp", 9)), Set.of(Map.of("country", "de")));

    assertThat(refreshed).containsExactly(events("de", 1), events("jp", 9));
    assertThat(TopGroups.keptGroups(TOP_TWO, refreshed)).containsExactlyInAnyOrder(Map.of("country", "de"), Map.of("country", "jp"));
  }

  @Test
  void withoutASnapshotTheLargestGroupsAreKept() {
    assertThat(TopGroups.apply(TOP_TWO, List.of(events("de", 1), events("fr", 2), events("jp", 9))))
        .containsExactly(
            new Series(Map.of("country", "__other__"), "events", List.of(new Point(60_000, 1L)), true),
            events("fr", 2),
            events("jp", 9));
  }
}
