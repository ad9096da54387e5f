package io.pulseboard.query.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pulseboard.query.TestingPipelines;
import io.pulseboard.query.cache.CacheStore;
import io.pulseboard.query.cache.CacheTimes;
import io.pulseboard.query.cache.PanelDataService;
import io.pulseboard.query.cache.TestingPanelQueryRunner;
import io.pulseboard.query.clickhouse.PanelQueryCompiler;
import io.pulseboard.query.clickhouse.QueryFailedException;
import io.pulseboard.query.panel.DashboardCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

/** The REST shapes of CONTRACT.md, through Spring MVC and its Jackson 3 converter. */
class DashboardControllerTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:30:20Z");

  private final DashboardCatalog catalog = DashboardCatalog.of(TestingPipelines.dashboard(TestingPipelines.checkout(), 2_000,
      List.of(
          TestingPipelines.panel("events", "events", List.of(), null, List.of()),
          TestingPipelines.panel("p99", "latency", List.of(), 0.99, List.of()),
          TestingPipelines.panel("ghost", "nope", List.of(), null, List.of()))));
  private final TestingPanelQueryRunner clickhouse = new TestingPanelQueryRunner();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final PanelDataService data = new PanelDataService(catalog, new PanelQueryCompiler(), clickhouse, CacheStore.NONE,
      JsonMapper.shared(), clock, new CacheTimes(Duration.ofHours(1), Duration.ofMinutes(1)), new SimpleMeterRegistry());
  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new DashboardController(catalog, data, clock))
      .setControllerAdvice(new ApiExceptionHandler())
      .build();

  @Test
  void listsTheDashboard() throws Exception {
    mvc.perform(get("/api/v1/dashboards"))
        .andExpect(status().isOk())
        .andExpect(content().json("[{\"name\":\"shop-health\",\"title\":\"Shop health\"}]", true));
  }

  @Test
  void describesTheDashboardAndItsPanels() throws Exception {
    mvc.perform(get("/api/v1/dashboards/shop-health"))
        .andExpect(status().isOk())
        .andExpect(content().json("""
            {"name":"shop-health","title":"Shop health","refreshMs":2000,"defaultRangeMs":3600000,"panels":[
              {"id":"events","title":"Panel events","type":"timeseries","stream":"checkout","measure":"events",
               "aggregate":"count","quantile":null,"groupBy":[]},
              {"id":"p99","title":"Panel p99","type":"timeseries","stream":"checkout","measure":"latency",
               "aggregate":"quantiles","quantile":0.99,"groupBy":[]},
              {"id":"ghost","title":"Panel ghost","type":"timeseries","stream":"checkout","measure":"nope",
               "aggregate":null,"quantile":null,"groupBy":[]}]}
            """, true));
  }

  @Test
  void answersPanelDataAsTheContractSays() throws Exception {
    long from = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
    long to = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();
    MvcResult async = mvc.perform(get("/api/v1/dashboards/shop-health/panels/events")
            .param("from", Long.toString(from)).param("to", Long.toString(to)).param("step", "1h"))
        .andExpect(request().asyncStarted())
        .andReturn();

    mvc.perform(asyncDispatch(async))
        .andExpect(status().isOk())
        .andExpect(content().json("{\"panel\":\"events\",\"granularity\":\"1h\",\"from\":" + from + ",\"to\":" + to
            + ",\"series\":[{\"labels\":{},\"points\":[[" + from + ",1],[" + (from + 3_600_000) + ",1]]}]}", true));
  }

  @Test
  void unknownDashboardsAndPanelsAre404() throws Exception {
    mvc.perform(get("/api/v1/dashboards/other"))
        .andExpect(status().isNotFound())
        .andExpect(content().json("{\"error\":\"no dashboard 'other' here\"}", true));
    mvc.perform(get("/api/v1/dashboards/shop-health/panels/nope"))
        .andExpect(status().isNotFound())
        .andExpect(content().json("{\"error\":\"dashboard 'shop-health' has no panel 'nope'\"}", true));
  }

  @Test
  void badParametersAre400() throws Exception {
    mvc.perform(get("/api/v1/dashboards/shop-health/panels/events").param("from", "10").param("to", "10"))
        .andExpect(status().isBadRequest())
        .andExpect(content().json("{\"error\":\"from must be before to\"}", true));
    mvc.perform(get("/api/v1/dashboards/shop-health/panels/events").param("from", "0").param("to", Long.toString(401L * 86_400_000)))
        .andExpect(status().isBadRequest())
        .andExpect(content().json("{\"error\":\"the range is longer than 400 days\"}", true));
    mvc.perform(get("/api/v1/dashboards/shop-health/panels/events").param("step", "5m"))
        .andExpect(status().isBadRequest())
        .andExpect(content().json("{\"error\":\"step must be auto, 1m, 1h or 1d\"}", true));
    mvc.perform(get("/api/v1/dashboards/shop-health/panels/events").param("from", "yesterday"))
        .andExpect(status().isBadRequest())
        .andExpect(content().json("{\"error\":\"from must be epoch milliseconds\"}", true));
    mvc.perform(get("/api/v1/dashboards/shop-health/panels/ghost"))
        .andExpect(status().isBadRequest())
        .andExpect(content().json("{\"error\":\"panel 'ghost' cannot be queried: stream 'checkout' has no measure 'nope'\"}", true));
  }

  @Test
  void aClickHouseFailureIs502() throws Exception {
    PanelDataService failing = new PanelDataService(catalog, new PanelQueryCompiler(),
        query -> java.util.concurrent.CompletableFuture.failedFuture(new QueryFailedException("ClickHouse did not answer", null)),
        CacheStore.NONE, JsonMapper.shared(), clock, new CacheTimes(Duration.ofHours(1), Duration.ofMinutes(1)), new SimpleMeterRegistry());
    MockMvc failingMvc = MockMvcBuilders.standaloneSetup(new DashboardController(catalog, failing, clock))
        .setControllerAdvice(new ApiExceptionHandler()).build();

    MvcResult async = failingMvc.perform(get("/api/v1/dashboards/shop-health/panels/events")).andReturn();

    failingMvc.perform(asyncDispatch(async))
        .andExpect(status().isBadGateway())
        .andExpect(content().json("{\"error\":\"ClickHouse did not answer\"}", true));
  }
}
