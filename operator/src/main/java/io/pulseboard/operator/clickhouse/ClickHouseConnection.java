package io.pulseboard.operator.clickhouse;

import io.pulseboard.api.contract.Identifiers;
import java.util.Optional;

/**
 * Where and as whom to reach a ClickHouse server, read from a stream's connection Secret.
 *
 * @param url HTTP endpoint such as http://clickhouse:8123
 * @param user user name
 * @param password password, never logged
 * @param cluster the cluster (a name from the servers' {@code remote_servers}) the stream's tables live on,
 *     or null for a single server; see {@link Topology}
 */
public record ClickHouseConnection(String url, String user, String password, String cluster) {

  public ClickHouseConnection {
    if (cluster != null) {
      Identifiers.require(cluster);
    }
  }

  /** A single server. */
  public ClickHouseConnection(String url, String user, String password) {
    this(url, user, password, null);
  }

  /** How the stream's tables are laid out on this connection. */
  public Topology topology() {
    return Optional.ofNullable(cluster).map(Topology::cluster).orElse(Topology.SINGLE_SERVER);
  }

  @Override
  public String toString() {
    return "ClickHouseConnection[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
        + (cluster == null ? "" : ", cluster=" + cluster) + "]";
  }
}
