package io.pulseboard.query.cache;

import io.pulseboard.query.clickhouse.PanelQuery;
import io.pulseboard.query.panel.FilterClause;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Redis keys of panel answers: {@code pb:} + sha256 of everything that decides the answer. The stream's
 * schemaVersion is in it, so a schema change never serves an answer of the old shape; so is the SQL, so
 * a changed panel (other measures, groupBy, quantile, the dashboard variables chosen) never hits an old
 * entry; and the top-N limit, applied after the query. Answers are sent as stored, so the key also names
 * their JSON format: a release that changes it bumps {@link #ANSWER_FORMAT}, and during a rolling update
 * no replica sends an answer written by the other version.
 */
public final class CacheKeys {
  public static final String PREFIX = "pb:";
  static final String ANSWER_FORMAT = "answer-format-2";

  private CacheKeys() {}

  public static String of(String namespace, String dashboard, PanelQuery query) {
    MessageDigest sha = sha256();
    add(sha, ANSWER_FORMAT);
    add(sha, namespace);
    add(sha, dashboard);
    add(sha, query.panel().id());
    add(sha, Integer.toString(query.panel().stream().schemaVersion()));
    add(sha, query.range().granularity().label());
    add(sha, Long.toString(query.range().fromMillis()));
    add(sha, Long.toString(query.range().toMillis()));
    for (FilterClause filter : query.panel().filters()) {
      add(sha, filter.dimension());
      add(sha, filter.op().name());
      filter.values().forEach(v -> add(sha, v));
    }
    add(sha, "limit=" + query.panel().limit());
    add(sha, query.sql());
    return PREFIX + HexFormat.of().formatHex(sha.digest());
  }

  /** Length-prefixed, so no two different field lists hash the same bytes. */
  private static void add(MessageDigest sha, String field) {
    byte[] bytes = String.valueOf(field).getBytes(StandardCharsets.UTF_8);
    sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    sha.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
