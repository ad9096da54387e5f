package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** Ingest worker settings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IngestSpec {
  @Default("1")
  @Min(0)
  @Max(64)
  @JsonPropertyDescription("Number of ingest worker pods. More than the topic's partition count leaves some idle.")
  private Integer replicas = 1;

  @Default("500000")
  @Min(1)
  @Max(10000000)
  @JsonPropertyDescription("Largest batch, in events, written in one INSERT.")
  private Integer maxBatchRows = 500000;

  @Default("67108864")
  @Min(1024)
  @JsonPropertyDescription("Largest batch, in bytes of encoded rows, written in one INSERT.")
  private Long maxBatchBytes = 67108864L;

  @Default("500ms")
  @Pattern("^[0-9]+(ms|s|m)$")
  @JsonPropertyDescription("Longest time an event waits in a batch before the batch is written, such as 500ms or 2s.")
  private String maxBatchDelay = "500ms";

  @Pattern("^[A-Za-z0-9._-]{1,249}$")
  @JsonPropertyDescription("Topic for events that cannot be ingested. Defaults to the source topic with the suffix .dlq.")
  private String deadLetterTopic;

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public Integer getMaxBatchRows() {
    return maxBatchRows;
  }

  public void setMaxBatchRows(Integer maxBatchRows) {
    this.maxBatchRows = maxBatchRows;
  }

  public Long getMaxBatchBytes() {
    return maxBatchBytes;
  }

  public void setMaxBatchBytes(Long maxBatchBytes) {
    this.maxBatchBytes = maxBatchBytes;
  }

  public String getMaxBatchDelay() {
    return maxBatchDelay;
  }

  public void setMaxBatchDelay(String maxBatchDelay) {
    this.maxBatchDelay = maxBatchDelay;
  }

  public String getDeadLetterTopic() {
    return deadLetterTopic;
  }

  public void setDeadLetterTopic(String deadLetterTopic) {
    this.deadLetterTopic = deadLetterTopic;
  }
}
