package io.pulseboard.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseboard.local.runner.DeploymentKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartTest {
  @TempDir
  Path dir;

  @Test
  void findsTheDemoTopicAndTheQueryDeploymentOfEachDashboard() throws Exception {
    Files.writeString(dir.resolve("stream.yaml"), """
        apiVersion: analytics.pulseboard.io/v1alpha1
        kind: AnalyticsStream
        metadata: {name: checkout}
        spec: {source: {kafka: {topic: quickstart.checkout}}}
        """);
    Files.writeString(dir.resolve("dashboards.yml"), """
        apiVersion: analytics.pulseboard.io/v1alpha1
        kind: Dashboard
        metadata: {name: checkout-health, namespace: shop}
        ---
        apiVersion: analytics.pulseboard.io/v1alpha1
        kind: Dashboard
        metadata: {name: other}
        """);
    Files.writeString(dir.resolve("notes.txt"), "not a manifest");

    Quickstart quickstart = Quickstart.load(dir, "default");

    assertThat(quickstart.demoTopic()).isEqualTo("quickstart.checkout");
    assertThat(quickstart.dashboardDeployments()).containsExactly(
        new DeploymentKey("shop", "checkout-health-query"), new DeploymentKey("default", "other-query"));
  }

  @Test
  void refusesAFolderWithoutAStreamAndADashboard() throws Exception {
    Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");

    assertThatThrownBy(() -> Quickstart.load(dir, "default"))
        .hasMessageContaining("needs at least one AnalyticsStream and one Dashboard");
  }
}
