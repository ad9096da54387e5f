package io.pulseboard.query.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard features of issue 6 against real ClickHouse, each compared with SQL on the raw table:
 * several measures in one panel, top-N with "other", variables on REST and WebSocket, the values of a
 * variable and the freshness status.
 */
class DashboardFeaturesIT extends SharedDeepIT {
  /** Three whole days of the history. */
  private static final long FROM = DATA.historyFrom + 10 * DeepDataset.DAY;
  private static final long TO = FROM + 3 * DeepDataset.DAY;

  @Test
  void aTopTwoPanelShowsTheTwoLargestCountriesPerMeasureAndFoldsTheRestOfTheCountIntoOther() throws Exception {
    JsonNode data = panel("top", FROM, TO, "1d");
    Map<String, Long> counts = rawCounts("country", "1");
    List<String> top = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(2).map(Map.Entry::getKey).toList();

    Map<String, Double> eventTotals = new TreeMap<>();
    List<String> basketGroups = new ArrayList<>();
    for (JsonNode series : data.path("series")) {
      String country = series.path("labels").path("country").asString();
      if (series.path("measure").asString().equals("events")) {
        double total = 0;
        for (JsonNode point : series.path("points")) {
          total += point.get(1).asDouble();
        }
        eventTotals.put(country, total);
        assertThat(series.path("other").asBoolean(false)).isEqualTo(country.equals("__other__"));
      } else {
        assertThat(series.path("measure").asString()).isEqualTo("basket");
        basketGroups.add(country);
      }
    }
    long rest = counts.entrySet().stream().filter(e -> !top.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    assertThat(eventTotals).containsOnlyKeys(top.get(0), top.get(1), "__other__");
    assertThat(eventTotals.get(top.get(0))).isEqualTo(counts.get(top.get(0)).doubleValue());
    assertThat(eventTotals.get("__other__")).as("count is additive: the other countries fold").isEqualTo((double) rest);
    assertThat(basketGroups).as("an average cannot fold: the other countries are dropped").containsExactlyInAnyOrderElementsOf(top);
  }

  @Test
  void aVariableNarrowsThePanelsItAppliesToAndAnEmptyValueMeansAll() throws Exception {
    Map<String, Long> byCountry = rawCounts("country", "1");
    long all = byCountry.values().stream().mapToLong(Long::longValue).sum();
    assertThat(total(get(panelPath("events") + "&var.country=fr"))).isEqualTo(byCountry.get("fr").doubleValue());
    assertThat(total(get(panelPath("events") + "&var.country=" + "it%27s"))).isEqualTo(byCountry.get("it's").doubleValue());
    assertThat(total(get(panelPath("events") + "&var.country="))).isEqualTo((double) all);
    assertThat(total(get(panelPath("events") + "&var.country=fr&var.tier=2")))
        .isEqualTo(rawCounts("country", "tier = 2").get("fr").doubleValue());

    HttpResponse<String> typed = get(panelPath("events") + "&var.tier=two");
    assertThat(typed.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(typed.body()).path("error").asString()).contains("int64");
  }

  @Test
  void theValuesOfAVariableAreTheCountriesOfTheRange() throws Exception {
    HttpResponse<String> response = get("/api/v1/dashboards/" + DASHBOARD + "/variables/country/values?from=" + FROM + "&to=" + TO);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("variable").asString()).isEqualTo("country");
    List<String> values = new ArrayList<>();
    body.path("values").forEach(v -> values.add(v.asString()));
    assertThat(values).containsExactlyInAnyOrderElementsOf(DeepDataset.COUNTRIES);

    assertThat(get("/api/v1/dashboards/" + DASHBOARD + "/variables/planet/values").statusCode()).isEqualTo(400);
  }

  @Test
  void theStatusSaysWhenTheNewestRowWasIngested() throws Exception {
    HttpResponse<String> response = get("/api/v1/dashboards/" + DASHBOARD + "/status");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode stream = JSON.readTree(response.body()).path("streams").get(0);
    // Rows of the last two days of event time are searched first (partition pruning); the whole table when there are none.
    long newest = newestIngested(" WHERE _time >= now() - 2 * 86400");
    if (newest == 0) {
      newest = newestIngested("");
    }

    assertThat(stream.path("stream").asString()).isEqualTo("checkout");
    assertThat(stream.path("maxLagMs").asLong()).isEqualTo(300_000);
    // Other tests insert rows concurrently: the answer is at most 2 s old (its cache), never newer than ClickHouse.
    assertThat(stream.path("newestIngestedAt").asLong()).isBetween(newest - 5_000, newest);
    long age = stream.path("ageMs").asLong();
    assertThat(stream.path("state").asString()).isEqualTo(age <= 300_000 ? "fresh" : age <= 1_500_000 ? "lagging" : "stale");
  }

  @Test
  void aLiveSubscriptionWithVarsGetsTheNarrowedSnapshot() throws Exception {
    Listener listener = new Listener();
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/live"), listener)
        .get(10, TimeUnit.SECONDS);
    try {
      socket.sendText("{\"type\":\"subscribe\",\"dashboard\":\"" + DASHBOARD + "\",\"panel\":\"revenue\",\"rangeMs\":"
          + (System.currentTimeMillis() - FROM) + ",\"vars\":{\"country\":\"fr\"}}", true).get(5, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(20)).until(() -> listener.messages.stream().anyMatch(m -> m.path("type").asString().equals("snapshot")));
      JsonNode snapshot = listener.messages.stream().filter(m -> m.path("type").asString().equals("snapshot")).findFirst().orElseThrow();
      assertThat(snapshot.path("data").path("series")).isNotEmpty();
      snapshot.path("data").path("series").forEach(series -> {
        assertThat(series.path("labels").path("country").asString()).isEqualTo("fr");
        assertThat(series.path("measure").asString()).isEqualTo("revenue");
      });

      socket.sendText("{\"type\":\"subscribe\",\"dashboard\":\"" + DASHBOARD + "\",\"panel\":\"events\",\"vars\":{\"planet\":\"mars\"}}", true)
          .get(5, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> listener.messages.stream()
          .anyMatch(m -> m.path("type").asString().equals("error") && m.path("message").asString().contains("planet")));
    } finally {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
  }

  private static long newestIngested(String where) {
    return CLICKHOUSE.rows("SELECT toUInt32(max(_ingested_at)) AS m FROM " + DATA.database + ".checkout_raw" + where
        + " FORMAT JSONEachRow").get(0).path("m").asLong() * 1000;
  }

  private String panelPath(String panel) {
    return "/api/v1/dashboards/" + DASHBOARD + "/panels/" + panel + "?from=" + FROM + "&to=" + TO + "&step=1d";
  }

  private static double total(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    double total = 0;
    for (JsonNode series : JSON.readTree(response.body()).path("series")) {
      for (JsonNode point : series.path("points")) {
        total += point.get(1).asDouble();
      }
    }
    return total;
  }

  /** Raw events per value of a dimension in [FROM, TO) meeting a condition. */
  private static Map<String, Long> rawCounts(String dimension, String condition) {
    Map<String, Long> counts = new HashMap<>();
    CLICKHOUSE.rows("SELECT " + dimension + " AS d, count() AS c FROM " + DATA.database + ".checkout_raw WHERE _time >= toDateTime("
            + FROM / 1000 + ") AND _time < toDateTime(" + TO / 1000 + ") AND " + condition + " GROUP BY d FORMAT JSONEachRow")
        .forEach(row -> counts.put(row.path("d").asString(), Long.parseLong(row.path("c").asString())));
    return counts;
  }

  private static final class Listener implements WebSocket.Listener {
    final ConcurrentLinkedQueue<JsonNode> messages = new ConcurrentLinkedQueue<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(JSON.readTree(partial.toString()));
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}
