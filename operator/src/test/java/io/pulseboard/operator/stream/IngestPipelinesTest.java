package io.pulseboard.operator.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.api.pipeline.PipelineJson;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.operator.testing.Examples;
import org.junit.jupiter.api.Test;

class IngestPipelinesTest {

  @Test
  void theQuickstartPipelineDescribesTopicsTableAndColumns() {
    IngestPipeline pipeline = IngestPipelines.of(Examples.quickstartStream(), "127.0.0.1:9092", 1);

    assertThat(pipeline.stream()).isEqualTo("checkout");
    assertThat(pipeline.namespace()).isEqualTo("default");
    assertThat(pipeline.schemaVersion()).isEqualTo(1);
    assertThat(pipeline.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(pipeline.topic()).isEqualTo("quickstart.checkout");
    assertThat(pipeline.deadLetterTopic()).isEqualTo("quickstart.checkout.dlq");
    assertThat(pipeline.consumerGroup()).isEqualTo("pulseboard.default.checkout");
    assertThat(pipeline.startFrom()).isEqualTo("earliest");
    assertThat(pipeline.database()).isEqualTo("quickstart");
    assertThat(pipeline.rawTable()).isEqualTo("checkout_raw");
    assertThat(pipeline.timestampPath()).isEqualTo("ts");
    assertThat(pipeline.latenessMillis()).isEqualTo(3_600_000L);
    assertThat(pipeline.maxBatchRows()).isEqualTo(500_000);
    assertThat(pipeline.maxBatchBytes()).isEqualTo(67_108_864L);
    assertThat(pipeline.maxBatchDelayMillis()).isEqualTo(200L);
    assertThat(pipeline.columns()).containsExactly(
        new ColumnSpec("country", FieldType.string, "country", false, true),
        new ColumnSpec("platform", FieldType.string, "platform", false, true),
        new ColumnSpec("amount", FieldType.float64, "amount", false, false),
        new ColumnSpec("user_id", FieldType.string, "user_id", false, false),
        new ColumnSpec("latency_ms", FieldType.float64, "latency_ms", false, false));
  }

  @Test
  void declaredBootstrapServersAndDeadLetterTopicWin() {
    AnalyticsStream stream = Examples.quickstartStream();
    stream.getSpec().getSource().getKafka().setBootstrapServers("kafka-0:9092,kafka-1:9092");
    stream.getSpec().getIngest().setDeadLetterTopic("checkout.rejected");

    IngestPipeline pipeline = IngestPipelines.of(stream, "127.0.0.1:9092", 1);

    assertThat(pipeline.bootstrapServers()).isEqualTo("kafka-0:9092,kafka-1:9092");
    assertThat(pipeline.deadLetterTopic()).isEqualTo("checkout.rejected");
  }

  @Test
  void thePipelineSurvivesTheJsonRoundTripTheWorkerMakes() {
    IngestPipeline pipeline = IngestPipelines.of(Examples.quickstartStream(), "127.0.0.1:9092", 1);

    assertThat(PipelineJson.read(PipelineJson.write(pipeline), IngestPipeline.class)).isEqualTo(pipeline);
  }
}
