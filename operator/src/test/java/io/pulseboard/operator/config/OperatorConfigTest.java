package io.pulseboard.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorConfigTest {

  @Test
  void anEmptyEnvironmentGivesTheDefaults() {
    OperatorConfig config = OperatorConfig.fromEnv(Map.of());

    assertThat(config.defaultKafkaBootstrap()).isNull();
    assertThat(config.useServerSideApply()).isTrue();
    assertThat(config.watchedNamespaces()).isEmpty();
    assertThat(config.ingestImage()).isEqualTo("ghcr.io/pulseboard/runtime-ingest:" + OperatorVersion.current());
    assertThat(config.queryImage()).isEqualTo("ghcr.io/pulseboard/runtime-query:" + OperatorVersion.current());
  }

  @Test
  void theVersionComesFromTheBuild() {
    assertThat(OperatorVersion.current()).isEqualTo("0.1.0-SNAPSHOT");
  }

  @Test
  void theHelmChartsVariablesAreRead() {
    OperatorConfig config = OperatorConfig.fromEnv(Map.of(
        "PULSEBOARD_KAFKA_BOOTSTRAP", "kafka-0:9092,kafka-1:9092",
        "PULSEBOARD_SSA", "false",
        "PULSEBOARD_NAMESPACES", "shop, analytics",
        "PULSEBOARD_INGEST_IMAGE", "registry.local/ingest:dev",
        "PULSEBOARD_QUERY_IMAGE", "registry.local/query:dev"));

    assertThat(config.defaultKafkaBootstrap()).isEqualTo("kafka-0:9092,kafka-1:9092");
    assertThat(config.useServerSideApply()).isFalse();
    assertThat(config.watchedNamespaces()).containsExactlyInAnyOrder("shop", "analytics");
    assertThat(config.ingestImage()).isEqualTo("registry.local/ingest:dev");
    assertThat(config.queryImage()).isEqualTo("registry.local/query:dev");
  }

  @Test
  void blankValuesMeanUnset() {
    OperatorConfig config = OperatorConfig.fromEnv(Map.of("PULSEBOARD_KAFKA_BOOTSTRAP", "", "PULSEBOARD_NAMESPACES", ""));

    assertThat(config.defaultKafkaBootstrap()).isNull();
    assertThat(config.watchedNamespaces()).isEmpty();
  }

  @Test
  void aBadSwitchNamesTheVariable() {
    assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("PULSEBOARD_SSA", "yes")))
        .hasMessage("PULSEBOARD_SSA must be true or false, not 'yes'");
  }

  @Test
  void aBadBootstrapListNamesTheVariable() {
    assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("PULSEBOARD_KAFKA_BOOTSTRAP", "kafka")))
        .hasMessageStartingWith("PULSEBOARD_KAFKA_BOOTSTRAP 'kafka'");
  }

  @Test
  void aBadNamespaceNamesTheVariable() {
    assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("PULSEBOARD_NAMESPACES", "shop,Bad_Name")))
        .hasMessage("PULSEBOARD_NAMESPACES: 'Bad_Name' is not a namespace name");
  }

  @Test
  void runtimeSettingsDefaultForAClusterWithoutLeaderElection() {
    OperatorConfig config = OperatorConfig.fromEnv(Map.of());

    assertThat(config.metricsHost()).isEqualTo("0.0.0.0");
    assertThat(config.metricsPort()).isEqualTo(8080);
    assertThat(config.logLevel()).isEqualTo(LogLevel.info);
    assertThat(config.databasePolicy()).isEqualTo(DatabasePolicy.ALLOW_ALL);
    assertThat(config.leaderElection()).isEqualTo(LeaderElection.OFF);
  }

  @Test
  void runtimeSettingsAreRead() {
    OperatorConfig config = OperatorConfig.fromEnv(Map.of(
        "PULSEBOARD_METRICS_PORT", "9090", "PULSEBOARD_LOG_LEVEL", "DEBUG",
        "PULSEBOARD_DATABASE_POLICY", "team-a=team_a_*",
        "PULSEBOARD_LEADER_ELECTION", "true", "PULSEBOARD_LEASE_NAMESPACE", "pulseboard-system",
        "HOSTNAME", "pb-operator-7d9f-abcde"));

    assertThat(config.metricsPort()).isEqualTo(9090);
    assertThat(config.logLevel()).isEqualTo(LogLevel.debug);
    assertThat(config.databasePolicy().allows("team-a", "team_a_x")).isTrue();
    assertThat(config.leaderElection()).isEqualTo(new LeaderElection(true, "pulseboard-operator-lease",
        "pulseboard-system", "pb-operator-7d9f-abcde"));
  }

  @Test
  void badRuntimeSettingsNameTheVariable() {
    assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("PULSEBOARD_METRICS_PORT", "http")))
        .hasMessage("PULSEBOARD_METRICS_PORT must be a port number, not 'http'");
    assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("PULSEBOARD_METRICS_PORT", "70000")))
        .hasMessage("PULSEBOARD_METRICS_PORT must be a port number, not 70000");
    assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("PULSEBOARD_LOG_LEVEL", "loud")))
        .hasMessageStartingWith("PULSEBOARD_LOG_LEVEL must be one of");
    assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("PULSEBOARD_LEADER_ELECTION", "true", "HOSTNAME", "x")))
        .hasMessageContaining("PULSEBOARD_LEASE_NAMESPACE");
  }
}
