package io.pulseboard.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.pipeline.MeasureContract;
import io.pulseboard.api.pipeline.PipelineJson;
import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.api.v1alpha1.PanelSpec;
import io.pulseboard.operator.testing.Examples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryPipelinesTest {

  @Test
  void theQuickstartPipelineCarriesThePanelsAndTheStreamContract() {
    QueryPipeline pipeline = QueryPipelines.of(Examples.quickstartDashboard(),
        Map.of("checkout", DashboardValidatorTest.readyStream()));

    assertThat(pipeline.dashboard()).isEqualTo("checkout-health");
    assertThat(pipeline.namespace()).isEqualTo("default");
    assertThat(pipeline.title()).isEqualTo("Checkout health");
    assertThat(pipeline.refreshMillis()).isEqualTo(1_000L);
    assertThat(pipeline.defaultRangeMillis()).isEqualTo(1_800_000L);
    assertThat(pipeline.cacheTtlMillis()).isEqualTo(1_000L);
    assertThat(pipeline.panels()).extracting(PanelSpec::getId).containsExactly("events", "revenue", "p99");
    assertThat(pipeline.variables()).extracting(v -> v.getName() + "=" + v.getDimension()).containsExactly("country=country");
    assertThat(pipeline.problems()).isEmpty();
    assertThat(pipeline.streams()).containsExactly(new StreamContract("checkout", 1, "quickstart", "checkout",
        List.of("1m", "1h", "1d"),
        List.of(new ColumnSpec("country", FieldType.string, "country", false, true),
            new ColumnSpec("platform", FieldType.string, "platform", false, true)),
        List.of(new MeasureContract("events", Aggregate.count, null, List.of()),
            new MeasureContract("revenue", Aggregate.sum, "amount", List.of()),
            new MeasureContract("buyers", Aggregate.uniq, "user_id", List.of()),
            new MeasureContract("latency", Aggregate.quantiles, "latency_ms", List.of(0.5, 0.9, 0.99)))));
  }

  @Test
  void panelsWithProblemsStayAndMissingStreamsGetNoContract() {
    var dashboard = Examples.quickstartDashboard();
    dashboard.getSpec().getPanels().get(0).setStream("orders");
    var problems = List.of(new io.pulseboard.api.pipeline.PanelProblem("events", "UnknownStream", "no stream orders"));

    QueryPipeline pipeline = QueryPipelines.of(dashboard, Map.of("checkout", DashboardValidatorTest.readyStream()), problems);

    assertThat(pipeline.panels()).hasSize(3);
    assertThat(pipeline.streams()).extracting(StreamContract::name).containsExactly("checkout");
    assertThat(pipeline.problems()).isEqualTo(problems);
  }

  @Test
  void thePipelineSurvivesTheJsonRoundTripTheServiceMakes() {
    QueryPipeline pipeline = QueryPipelines.of(Examples.quickstartDashboard(),
        Map.of("checkout", DashboardValidatorTest.readyStream()));

    QueryPipeline read = PipelineJson.read(PipelineJson.write(pipeline), QueryPipeline.class);

    assertThat(read.streams()).isEqualTo(pipeline.streams());
    assertThat(PipelineJson.write(read)).isEqualTo(PipelineJson.write(pipeline));
  }
}
