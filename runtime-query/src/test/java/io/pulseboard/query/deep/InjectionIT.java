package io.pulseboard.query.deep;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * No client text becomes SQL, end to end through the REST API. Filter values (from the Dashboard, typed
 * by the stream contract) that would break naive SQL select exactly the rows that carry them; request
 * parameters that look like SQL are refused with a 4xx before any query runs; oversized input is refused,
 * not truncated.
 */
class InjectionIT extends SharedDeepIT {
  private static final DateTimeFormatter CH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  /** Between the history and today: no other test's range reaches it. */
  private static final long AT = DATA.historyTo + DeepDataset.DAY + 3_600_000;

  /** Value i is carried by i + 1 rows, so a filter that matched too much (or nothing) shows in the count. */
  @BeforeAll
  static void insertRowsCarryingTheValues() {
    StringBuilder body = new StringBuilder("INSERT INTO " + DATA.database + ".checkout_raw FORMAT JSONEachRow\n");
    for (int i = 0; i < NastyValues.VALUES.size(); i++) {
      for (int k = 0; k <= i; k++) {
        body.append(JSON.writeValueAsString(Map.of("_time", CH_TIME.format(Instant.ofEpochMilli(AT)), "country", NastyValues.VALUES.get(i),
            "platform", "web", "tier", 1, "amount", 1.0, "user_id", "u", "latency_ms", 1.0, "_partition", 0, "_offset", 0,
            "_ingested_at", CH_TIME.format(Instant.ofEpochMilli(AT))))).append('\n');
      }
    }
    CLICKHOUSE.execute(body.toString());
  }

  @Test
  void eachNastyFilterValueSelectsExactlyTheRowsCarryingIt() throws Exception {
    for (int i = 0; i < NastyValues.VALUES.size(); i++) {
      JsonNode data = panel(NastyValues.PREFIX + i, AT - 3_600_000, AT + 3_600_000, "1h");
      double total = 0;
      for (JsonNode series : data.path("series")) {
        for (JsonNode point : series.path("points")) {
          total += point.get(1).asDouble();
        }
      }
      assertThat(total).as("rows with country = " + JSON.writeValueAsString(NastyValues.VALUES.get(i))).isEqualTo(i + 1.0);
    }
    assertThat(CLICKHOUSE.rows("SELECT count() AS c FROM " + DATA.database + ".checkout_raw FORMAT JSONEachRow").get(0)
        .path("c").asLong()).as("the raw table is still there").isGreaterThan(DeepDataset.HISTORY_EVENTS);
  }

  @Test
  void eachNastyVariableValueSelectsExactlyTheRowsCarryingIt() throws Exception {
    for (int i = 0; i < NastyValues.VALUES.size(); i++) {
      String value = NastyValues.VALUES.get(i);
      if (value.isEmpty()) {
        continue; // an empty variable value means all
      }
      HttpResponse<String> response = get("/api/v1/dashboards/" + DASHBOARD + "/panels/events?from=" + (AT - 3_600_000)
          + "&to=" + (AT + 3_600_000) + "&step=1h&var.country=" + enc(value));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      double total = 0;
      for (JsonNode series : JSON.readTree(response.body()).path("series")) {
        for (JsonNode point : series.path("points")) {
          total += point.get(1).asDouble();
        }
      }
      assertThat(total).as("rows with var.country = " + JSON.writeValueAsString(value)).isEqualTo(i + 1.0);
    }
  }

  @Test
  void theValuesEndpointReturnsEveryNastyValueUnchanged() throws Exception {
    HttpResponse<String> response = get("/api/v1/dashboards/" + DASHBOARD + "/variables/country/values?from=" + (AT - 3_600_000)
        + "&to=" + (AT + 3_600_000));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> values = new java.util.ArrayList<>();
    JSON.readTree(response.body()).path("values").forEach(v -> values.add(v.asString()));
    assertThat(values).containsExactlyInAnyOrderElementsOf(NastyValues.VALUES);
  }

  @Test
  void variableNamesAndValuesThatCannotBeUsedAreRefusedBeforeAnyQuery() throws Exception {
    String marker = "pbvar" + System.nanoTime();
    String range = "from=" + (AT - 3_600_000) + "&to=" + AT;
    List<String> paths = List.of(
        "/api/v1/dashboards/" + DASHBOARD + "/panels/events?" + range + "&var." + enc("country` = 1 OR 1=1 -- " + marker) + "=x",
        "/api/v1/dashboards/" + DASHBOARD + "/panels/events?" + range + "&var.tier=" + enc("1) OR (1=1 " + marker),
        "/api/v1/dashboards/" + DASHBOARD + "/panels/events?" + range + "&var.country=" + enc(marker + "'".repeat(1_100)),
        "/api/v1/dashboards/" + DASHBOARD + "/variables/" + enc("country'; DROP TABLE x; -- " + marker) + "/values?" + range,
        "/api/v1/dashboards/" + DASHBOARD + "/variables/country/values?from=" + enc("0 OR 1=1 " + marker));
    for (String path : paths) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path.substring(0, Math.min(160, path.length())) + " -> " + response.body())
          .isBetween(400, 499);
    }
    assertThat(loggedQueriesUpToNow(marker)).as("no statement carried client text").isEmpty();
  }

  @Test
  void valuesThatCannotBeEncodedMakeThePanelA400() throws Exception {
    for (String panel : List.of("oversized", "surrogate", "typed")) {
      HttpResponse<String> response = get("/api/v1/dashboards/" + DASHBOARD + "/panels/" + panel + "?from=" + (AT - 3_600_000) + "&to=" + AT);
      assertThat(response.statusCode()).as(panel + ": " + response.body()).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).path("error").asString()).isNotBlank();
    }
  }

  @Test
  void requestParametersThatLookLikeSqlAreRefusedBeforeAnyQuery() throws Exception {
    String marker = "pbinj" + System.nanoTime();
    List<String> paths = List.of(
        "/api/v1/dashboards/" + DASHBOARD + "/panels/" + enc("events' OR 1=1 -- " + marker),
        "/api/v1/dashboards/" + enc(DASHBOARD + "'; DROP DATABASE x; -- " + marker) + "/panels/events",
        "/api/v1/dashboards/" + DASHBOARD + "/panels/events?step=" + enc("1m') UNION SELECT 1 -- " + marker),
        "/api/v1/dashboards/" + DASHBOARD + "/panels/events?from=" + enc("0 OR 1=1 " + marker),
        "/api/v1/dashboards/" + DASHBOARD + "/panels/events?to=" + enc("1/*" + marker + "*/"),
        "/api/v1/dashboards/" + DASHBOARD + "/panels/" + enc("\u02BC" + marker + "\u202E"),
        "/api/v1/dashboards/" + DASHBOARD + "/panels/events?step=" + enc("1m\u0000" + marker),
        "/api/v1/dashboards/" + DASHBOARD + "/panels/" + enc(marker + "x".repeat(5_000)),
        "/api/v1/dashboards/" + DASHBOARD + "/panels/events?step=" + marker + "y".repeat(20_000));
    for (String path : paths) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path.substring(0, Math.min(120, path.length())) + " -> " + response.body())
          .isBetween(400, 499);
    }
    assertThat(loggedQueriesUpToNow(marker)).as("no statement carried client text").isEmpty();
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
