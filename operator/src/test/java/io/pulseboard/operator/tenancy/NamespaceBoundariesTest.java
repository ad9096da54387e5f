package io.pulseboard.operator.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.Dashboard;
import io.pulseboard.operator.config.DatabasePolicy;
import io.pulseboard.operator.status.Problem;
import io.pulseboard.operator.status.Reason;
import io.pulseboard.operator.testing.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamespaceBoundariesTest {
  private static final DatabasePolicy TEAMS = DatabasePolicy.parse("PULSEBOARD_DATABASE_POLICY",
      "team-a=team_a_*,team-b=team_b");

  @ParameterizedTest
  @ValueSource(strings = {"other-ns/clickhouse", "clickhouse.other-ns", "/clickhouse"})
  void aConnectionSecretInAnotherNamespaceIsRefused(String reference) {
    AnalyticsStream stream = stream("team-a", "team_a_shop");
    stream.getSpec().getClickhouse().setConnectionSecret(reference);

    Problem problem = NamespaceBoundaries.check(stream, TEAMS).orElseThrow();

    assertThat(problem.reason()).isEqualTo(Reason.CrossNamespaceReference);
    assertThat(problem.message()).contains("spec.clickhouse.connectionSecret '" + reference + "'")
        .contains("own namespace (team-a)");
  }

  @Test
  void aRedisSecretInAnotherNamespaceIsRefused() {
    Dashboard dashboard = Examples.quickstartDashboard();
    dashboard.getSpec().getQuery().setRedisSecret("cache/redis");

    assertThat(NamespaceBoundaries.check(dashboard)).get().extracting(Problem::reason)
        .isEqualTo(Reason.CrossNamespaceReference);
    assertThat(NamespaceBoundaries.check(Examples.quickstartDashboard())).isEmpty();
  }

  @Test
  void aDatabaseOutsideTheNamespacesPrefixIsRefused() {
    Problem problem = NamespaceBoundaries.check(stream("team-a", "team_b"), TEAMS).orElseThrow();

    assertThat(problem.reason()).isEqualTo(Reason.DatabaseNotAllowed);
    assertThat(problem.message()).isEqualTo("spec.clickhouse.database 'team_b' is not allowed: namespace team-a"
        + " may only use databases starting with team_a_");
  }

  @Test
  void aNamespaceThePolicyDoesNotListMayUseNoDatabase() {
    Problem problem = NamespaceBoundaries.check(stream("team-c", "team_c"), TEAMS).orElseThrow();

    assertThat(problem.reason()).isEqualTo(Reason.DatabaseNotAllowed);
    assertThat(problem.message()).endsWith("lists no database for namespace team-c");
  }

  @Test
  void allowedDatabasesAndAnEmptyPolicyPass() {
    assertThat(NamespaceBoundaries.check(stream("team-a", "team_a_shop"), TEAMS)).isEmpty();
    assertThat(NamespaceBoundaries.check(stream("team-b", "team_b"), TEAMS)).isEmpty();
    assertThat(NamespaceBoundaries.check(stream("team-b", "team_bb"), TEAMS)).isPresent();
    assertThat(NamespaceBoundaries.check(stream("anyone", "anything"), DatabasePolicy.ALLOW_ALL)).isEmpty();
  }

  private static AnalyticsStream stream(String namespace, String database) {
    AnalyticsStream stream = Examples.quickstartStream();
    stream.getMetadata().setNamespace(namespace);
    stream.getSpec().getClickhouse().setDatabase(database);
    return stream;
  }
}
