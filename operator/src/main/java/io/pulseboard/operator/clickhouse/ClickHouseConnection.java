package io.pulseboard.operator.clickhouse;

/**
 * Where and as whom to reach a ClickHouse server, read from a stream's connection Secret.
 *
 * @param url HTTP endpoint such as http://clickhouse:8123
 * @param user user name
 * @param password password, never logged
 */
public record ClickHouseConnection(String url, String user, String password) {

  @Override
  public String toString() {
    return "ClickHouseConnection[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
        + "]";
  }
}
