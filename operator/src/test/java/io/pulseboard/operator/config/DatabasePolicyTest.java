package io.pulseboard.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabasePolicyTest {

  @Test
  void parsesNamespacesToDatabasesAndPrefixes() {
    DatabasePolicy policy = DatabasePolicy.parse("P", " team-a=team_a_* , team-b=team_b,");

    assertThat(policy.allowedByNamespace()).isEqualTo(Map.of("team-a", "team_a_*", "team-b", "team_b"));
    assertThat(policy.allows("team-a", "team_a_orders")).isTrue();
    assertThat(policy.allows("team-a", "team_b")).isFalse();
    assertThat(policy.allows("team-b", "team_b")).isTrue();
    assertThat(policy.allows("team-b", "team_b_x")).isFalse();
    assertThat(policy.allows("default", "quickstart")).isFalse();
  }

  @Test
  void emptyAllowsEverything() {
    assertThat(DatabasePolicy.parse("P", "").allows("default", "quickstart")).isTrue();
  }

  @Test
  void badEntriesNameTheVariableAndTheEntry() {
    assertThatThrownBy(() -> DatabasePolicy.parse("PULSEBOARD_DATABASE_POLICY", "team-a"))
        .hasMessage("PULSEBOARD_DATABASE_POLICY: 'team-a' is not namespace=database or namespace=prefix*,"
            + " e.g. team-a=team_a_*");
    assertThatThrownBy(() -> DatabasePolicy.parse("P", "Team_A=x")).hasMessageContaining("'Team_A=x'");
    assertThatThrownBy(() -> DatabasePolicy.parse("P", "a=team-a")).hasMessageContaining("'a=team-a'");
    assertThatThrownBy(() -> DatabasePolicy.parse("P", "a=x,a=y")).hasMessage("P: namespace 'a' is listed twice");
  }
}
