package io.pulseboard.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResumePositionTest {
  @Test
  void continuesAfterStoredRowsWhenTheCommitWasLost() {
    assertThat(ResumePosition.of(100L, 149L)).isEqualTo(150L);
  }

  @Test
  void keepsTheCommitWhenDeadLettersFollowedTheLastRow() {
    assertThat(ResumePosition.of(160L, 149L)).isEqualTo(160L);
  }

  @Test
  void usesWhateverIsKnown() {
    assertThat(ResumePosition.of(null, 149L)).isEqualTo(150L);
    assertThat(ResumePosition.of(42L, null)).isEqualTo(42L);
    assertThat(ResumePosition.of(null, null)).as("auto.offset.reset decides").isNull();
  }
}
