package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

/** Where a stream's events come from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SourceSpec {
  @Required
  @JsonPropertyDescription("The Kafka topic to read.")
  private KafkaSourceSpec kafka;

  @Default("json")
  @JsonPropertyDescription("The event encoding. Only json (one JSON object per message) is supported.")
  private EventFormat format = EventFormat.json;

  public KafkaSourceSpec getKafka() {
    return kafka;
  }

  public void setKafka(KafkaSourceSpec kafka) {
    this.kafka = kafka;
  }

  public EventFormat getFormat() {
    return format;
  }

  public void setFormat(EventFormat format) {
    this.format = format;
  }
}
