package io.pulseboard.query.deep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Routing proven by what ClickHouse did: {@code system.query_log} (log_queries=1 in the services' users
 * profile) shows which table a panel request read and how many rows, next to the same aggregate read
 * from raw.
 */
class RoutingIT extends SharedDeepIT {
  private static final long HOUR = 3_600_000L;

  @Test
  void aThirtyDayQueryReadsTheDailyRollupAndAFiftiethOfTheRawRows() throws Exception {
    long to = DATA.historyTo - 7 * HOUR;
    long from = to - 30 * DeepDataset.DAY;

    JsonNode data = panel("revenue", from, to, "1d");

    assertThat(data.path("granularity").asString()).isEqualTo("1d");
    assertThat(data.path("from").asLong()).as("snapped down to a day").isEqualTo(from - from % DeepDataset.DAY);
    assertThat(data.path("to").asLong()).as("snapped up to a day").isEqualTo(to - to % DeepDataset.DAY + DeepDataset.DAY);
    long fromS = data.path("from").asLong() / 1000;
    long toS = data.path("to").asLong() / 1000;
    List<JsonNode> served = awaitLoggedQueries(1, "`" + DATA.database + "`.`checkout_1d`", "toDateTime(" + fromS + ")");
    assertThat(served).as("one query on the 1d rollup").hasSize(1);
    assertThat(loggedQueriesUpToNow("`" + DATA.database + "`.`checkout_raw`")).as("the service never reads raw").isEmpty();

    CLICKHOUSE.execute("SELECT toStartOfDay(_time) AS t, country, sum(amount) FROM " + DATA.database + ".checkout_raw"
        + " WHERE _time >= toDateTime(" + fromS + ") AND _time < toDateTime(" + toS + ") GROUP BY t, country FORMAT JSONEachRow");
    List<JsonNode> raw = awaitLoggedQueries(1, DATA.database + ".checkout_raw", "toDateTime(" + fromS + ")");
    assertThat(raw).hasSize(1);
    long rollupRows = served.get(0).path("read_rows").asLong();
    long rawRows = raw.get(0).path("read_rows").asLong();
    assertThat(rawRows).as("raw holds the range's events").isGreaterThan(250_000);
    assertThat(rollupRows * 50).as("1d rollup read " + rollupRows + " rows, raw " + rawRows).isLessThanOrEqualTo(rawRows);
  }

  @Test
  void autoTargetsAtMostFifteenHundredPointsWithTheFinestRollupThatFits() throws Exception {
    long to = DATA.historyTo;
    assertThat(panel("events", to - 20 * HOUR, to, "auto").path("granularity").asString()).isEqualTo("1m");
    assertThat(panel("events", to - 30 * DeepDataset.DAY, to, "auto").path("granularity").asString()).isEqualTo("1h");
    JsonNode quarter = panel("events", to - 90 * DeepDataset.DAY, to, "auto");
    assertThat(quarter.path("granularity").asString()).isEqualTo("1d");
    assertThat(awaitLoggedQueries(1, "`" + DATA.database + "`.`checkout_1d`", "toDateTime(" + quarter.path("from").asLong() / 1000 + ")"))
        .hasSize(1);
    assertThat(quarter.path("series").get(0).path("points").size()).isBetween(39, 41);
  }

  @Test
  void anExplicitStepPicksTheCoarsestRollupNotCoarserThanIt() throws Exception {
    long to = DATA.historyTo;
    assertThat(panel("events", to - 2 * DeepDataset.DAY, to, "1h").path("granularity").asString()).isEqualTo("1h");
    assertThat(panel("events", to - 2 * HOUR, to, "1m").path("granularity").asString()).isEqualTo("1m");
  }
}
