package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

import java.util.Map;

/** What the operator observed of a stream. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AnalyticsStreamStatus {
  @JsonPropertyDescription("The generation of the spec that this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Ready, SchemaReady, IngestReady, Fresh and RollupsConsistent, each with a reason and a message.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The ClickHouse tables of the stream, by role: raw, 1m, 1h and 1d.")
  private Map<String, String> tables;

  @JsonPropertyDescription("How many schema changes have been applied to the tables.")
  private Integer schemaVersion;

  @JsonPropertyDescription("Consumer-group lag of the ingest workers: messages on the source topic not yet ingested, summed over partitions.")
  private Long lag;

  @JsonPropertyDescription("When the newest row in the raw table was ingested (RFC 3339); the stream's freshness.")
  private String lastIngestedAt;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public Map<String, String> getTables() {
    return tables;
  }

  public void setTables(Map<String, String> tables) {
    this.tables = tables;
  }

  public Integer getSchemaVersion() {
    return schemaVersion;
  }

  public void setSchemaVersion(Integer schemaVersion) {
    this.schemaVersion = schemaVersion;
  }

  public Long getLag() {
    return lag;
  }

  public void setLag(Long lag) {
    this.lag = lag;
  }

  public String getLastIngestedAt() {
    return lastIngestedAt;
  }

  public void setLastIngestedAt(String lastIngestedAt) {
    this.lastIngestedAt = lastIngestedAt;
  }
}
