package io.pulseboard.query.config;

import io.pulseboard.query.live.LiveSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The one configuration of the process, bound once at start from application.properties, which maps the
 * pod's environment (PULSEBOARD_CONFIG_DIR, CLICKHOUSE_URL/USER/PASSWORD, REDIS_URL) onto these names.
 * Passwords never appear in {@link #toString()}.
 *
 * @param configDir directory holding query.json
 * @param clickhouse where panels are read
 * @param redisUrl the cache, {@code redis://host:port}; blank for no cache
 * @param cache cache lifetimes and Redis timeouts
 * @param live limits of live connections
 * @param authToken when set, every /api request (REST and the WebSocket handshake) needs
 *     {@code Authorization: Bearer <token>} or {@code ?access_token=<token>} (browsers cannot set headers
 *     on a WebSocket); from PULSEBOARD_AUTH_TOKEN, which the operator fills from a Secret
 * @param allowedOrigins origins allowed for CORS and the WebSocket handshake; empty = same origin only
 */
@ConfigurationProperties("pulseboard")
public record QueryServiceProperties(
    @DefaultValue("/etc/pulseboard") Path configDir,
    @DefaultValue ClickHouse clickhouse,
    String redisUrl,
    @DefaultValue Cache cache,
    @DefaultValue LiveSettings live,
    String authToken,
    @DefaultValue List<String> allowedOrigins) {

  /**
   * @param url HTTP endpoint, such as http://clickhouse:8123
   * @param queryTimeout longest a panel query may run
   * @param maxConcurrentQueries queries run at once; more wait in line
   */
  public record ClickHouse(
      @DefaultValue("http://127.0.0.1:8123") String url,
      @DefaultValue("default") String user,
      @DefaultValue("") String password,
      @DefaultValue("30s") Duration queryTimeout,
      @DefaultValue("8") int maxConcurrentQueries) {
    @Override
    public String toString() {
      return "ClickHouse[url=" + Redaction.url(url) + ", user=" + user + ", password=" + Redaction.secret(password)
          + ", queryTimeout=" + queryTimeout + ", maxConcurrentQueries=" + maxConcurrentQueries + "]";
    }
  }

  /**
   * @param closedTtl lifetime of answers whose buckets have all ended
   * @param settle how long a bucket counts as open after it ends
   * @param redisTimeout longest a Redis command may take before the request goes on without it
   * @param redisRetry wait before trying again to reach a Redis that could not be reached
   * @param memory JSON of closed answers kept in the process, in front of Redis; 0 keeps none
   */
  public record Cache(
      @DefaultValue("1h") Duration closedTtl,
      @DefaultValue("60s") Duration settle,
      @DefaultValue("250ms") Duration redisTimeout,
      @DefaultValue("10s") Duration redisRetry,
      @DefaultValue("64MB") DataSize memory) {}

  public boolean hasAuthToken() {
    return authToken != null && !authToken.isBlank();
  }

  public boolean hasRedis() {
    return redisUrl != null && !redisUrl.isBlank();
  }

  @Override
  public String toString() {
    return "QueryServiceProperties[configDir=" + configDir + ", clickhouse=" + clickhouse
        + ", redisUrl=" + Redaction.url(redisUrl) + ", cache=" + cache + ", live=" + live
        + ", authToken=" + Redaction.secret(authToken) + ", allowedOrigins=" + allowedOrigins + "]";
  }
}
