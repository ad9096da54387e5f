package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A Kafka topic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KafkaSourceSpec {
  @Pattern("^[A-Za-z0-9.:,_\\[\\]-]+$")
  @JsonPropertyDescription("Comma-separated host:port list of Kafka brokers. Defaults to the operator's configured Kafka.")
  private String bootstrapServers;

  @Required
  @Pattern("^[A-Za-z0-9._-]{1,249}$")
  @JsonPropertyDescription("The topic of JSON events.")
  private String topic;

  @Default("earliest")
  @JsonPropertyDescription("Where a new consumer group starts: earliest reads the topic's backlog, latest only new events.")
  private StartFrom startFrom = StartFrom.earliest;

  public String getBootstrapServers() {
    return bootstrapServers;
  }

  public void setBootstrapServers(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  public StartFrom getStartFrom() {
    return startFrom;
  }

  public void setStartFrom(StartFrom startFrom) {
    this.startFrom = startFrom;
  }
}
