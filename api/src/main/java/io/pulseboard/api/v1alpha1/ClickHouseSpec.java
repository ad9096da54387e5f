package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** Where a stream's tables live. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClickHouseSpec {
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonPropertyDescription("Name of a Secret in the stream's namespace with the keys url, and optionally user, password and cluster (a cluster of the servers' remote_servers: tables are then replicated on every server, with a Distributed table of the plain name in front, and all DDL runs ON CLUSTER).")
  private String connectionSecret;

  @Required
  @Pattern("^[a-z][a-z0-9_]{0,47}$")
  @JsonPropertyDescription("The ClickHouse database for the stream's tables. It is created if missing.")
  private String database;

  public String getConnectionSecret() {
    return connectionSecret;
  }

  public void setConnectionSecret(String connectionSecret) {
    this.connectionSecret = connectionSecret;
  }

  public String getDatabase() {
    return database;
  }

  public void setDatabase(String database) {
    this.database = database;
  }
}
