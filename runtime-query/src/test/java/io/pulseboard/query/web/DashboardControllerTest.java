package io.pulseboard.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pulseboard.api.pipeline.PanelProblem;
import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.api.v1alpha1.PanelSpec;
import io.pulseboard.api.v1alpha1.VariableSpec;
import io.pulseboard.query.TestingPipelines;
import io.pulseboard.query.clickhouse.PanelQuery;
import io.pulseboard.query.cache.CacheStore;
import io.pulseboard.query.cache.CacheTimes;
import io.pulseboard.query.cache.ClosedAnswerMemory;
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

  private final DashboardCatalog catalog = DashboardCatalog.of(new QueryPipeline("shop-health", "shop", "Shop health", 2_000,
      3_600_000, 5_000,
      List.of(
          TestingPipelines.panel("events", "events", List.of(), null, List.of()),
          TestingPipelines.panel("p99", "latency", List.of(), 0.99, List.of()),
          TestingPipelines.panel("ghost", "nope", List.of(), null, List.of()),
          weekByCountry(),
          TestingPipelines.panel("stale", "events", List.of(), null, List.of())),
      List.of(TestingPipelines.checkout()),
      List.of(new VariableSpec("country", "country", "Country"), new VariableSpec("region", "region", null)),
      List.of(new PanelProblem("stale", "StreamNotReady", "stream 'checkout' is not ready: SchemaPending"))));

  /** Two measures by country, top 3, always the last 7 days. */
  private static PanelSpec weekByCountry() {
    PanelSpec spec = TestingPipelines.panel("week", null, List.of("country"), null, List.of());
    spec.setMeasures(List.of("revenue", "events"));
    spec.setRange("7d");
    spec.setLimit(3);
    return spec;
  }
  private final TestingPanelQueryRunner clickhouse = new TestingPanelQueryRunner();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final PanelDataService data = new PanelDataService(catalog, new PanelQueryCompiler(), clickhouse, CacheStore.NONE,
      new ClosedAnswerMemory(0, new SimpleMeterRegistry()), JsonMapper.shared(), clock, new CacheTimes(Duration.ofHours(1), Duration.ofMinutes(1)), new SimpleMeterRegistry());
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
            {"name":"shop-health","title":"Shop health","refreshMs":2000,"defaultRangeMs":3600000,
             "variables":[{"name":"country","dimension":"country","label":"Country"},
                          {"name":"region","dimension":"region","label":"region"}],
             "panels":[
              {"id":"events","title":"Panel events","type":"timeseries","stream":"checkout","measure":"events",
               "aggregate":"count","quantile":null,"groupBy":[],"measures":[{"name":"events","aggregate":"count"}],
               "range":null,"rangeMs":null,"limit":null,"variables":["country"],"problem":null},
              {"id":"p99","title":"Panel p99","type":"timeseries","stream":"checkout","measure":"latency",
               "aggregate":"quantiles","quantile":0.99,"groupBy":[],"measures":[{"name":"latency","aggregate":"quantiles"}],
               "range":null,"rangeMs":null,"limit":null,"variables":["country"],"problem":null},
              {"id":"ghost","title":"Panel ghost","type":"timeseries","stream":"checkout","measure":"nope",
               "aggregate":null,"quantile":null,"groupBy":[],"measures":[{"name":"nope","aggregate":null}],
               "range":null,"rangeMs":null,"limit":null,"variables":[],
               "problem":{"reason":"InvalidPanel","message":"stream 'checkout' has no measure 'nope'"}},
              {"id":"week","title":"Panel week","type":"timeseries","stream":"checkout","measure":"revenue",
               "aggregate":"sum","quantile":null,"groupBy":["country"],
               "measures":[{"name":"revenue","aggregate":"sum"},{"name":"events","aggregate":"count"}],
               "range":"7d","rangeMs":604800000,"limit":3,"variables":["country"],"problem":null},
              {"id":"stale","title":"Panel stale","type":"timeseries","stream":"checkout","measure":"events",
               "aggregate":null,"quantile":null,"groupBy":[],"measures":[{"name":"events","aggregate":null}],
               "range":null,"rangeMs":null,"limit":null,"variables":[],
               "problem":{"reason":"StreamNotReady","message":"stream 'checkout' is not ready: SchemaPending"}}]}
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
            + ",\"series\":[{\"labels\":{},\"measure\":\"events\",\"points\":[[" + from + ",1],[" + (from + 3_600_000) + ",1]]}]}", true));
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
    mvc.perform(get("/api/v1/dashboards/shop-health/panels/events").param("var.planet", "mars"))
        .andExpect(status().isBadRequest())
        .andExpect(content().json("{\"error\":\"the dashboard has no variable 'planet'\"}", true));
    mvc.perform(get("/api/v1/dashboards/shop-health/panels/events").param("var.country", "x".repeat(2000)))
        .andExpect(status().isBadRequest());
  }

  @Test
  void panelsWithAProblemAre409WithTheReason() throws Exception {
    mvc.perform(get("/api/v1/dashboards/shop-health/panels/ghost"))
        .andExpect(status().isConflict())
        .andExpect(content().json("{\"error\":\"panel 'ghost' cannot be queried: stream 'checkout' has no measure 'nope'\","
            + "\"reason\":\"InvalidPanel\"}", true));
    mvc.perform(get("/api/v1/dashboards/shop-health/panels/stale"))
        .andExpect(status().isConflict())
        .andExpect(content().json("{\"error\":\"panel 'stale' cannot be queried: stream 'checkout' is not ready: SchemaPending\","
            + "\"reason\":\"StreamNotReady\"}", true));
  }

  @Test
  void aVariableValueNarrowsThePanelAndAnEmptyValueMeansAll() throws Exception {
    MvcResult narrowed = mvc.perform(get("/api/v1/dashboards/shop-health/panels/events").param("var.country", "de' OR 1=1")
        .param("var.region", "eu")).andReturn();
    mvc.perform(asyncDispatch(narrowed)).andExpect(status().isOk());
    MvcResult all = mvc.perform(get("/api/v1/dashboards/shop-health/panels/events").param("var.country", "")).andReturn();
    mvc.perform(asyncDispatch(all)).andExpect(status().isOk());

    assertThat(clickhouse.queries.get(0).sql()).contains("`country` IN ('de\\' OR 1=1')").doesNotContain("region");
    assertThat(clickhouse.queries.get(1).sql()).doesNotContain("country");
  }

  @Test
  void aPanelWithItsOwnRangeIgnoresFromAndEndsAtTo() throws Exception {
    long to = NOW.toEpochMilli();
    MvcResult async = mvc.perform(get("/api/v1/dashboards/shop-health/panels/week").param("from", Long.toString(to - 60_000))
        .param("to", Long.toString(to))).andReturn();
    mvc.perform(asyncDispatch(async)).andExpect(status().isOk());

    PanelQuery query = clickhouse.queries.get(0);
    assertThat(query.range().toMillis() - query.range().fromMillis()).isGreaterThanOrEqualTo(7 * 86_400_000L);
    assertThat(query.range().granularity().label()).isEqualTo("1h");
  }

  @Test
  void aClickHouseFailureIs502() throws Exception {
    PanelDataService failing = new PanelDataService(catalog, new PanelQueryCompiler(),
        query -> java.util.concurrent.CompletableFuture.failedFuture(new QueryFailedException("ClickHouse did not answer", null)),
        CacheStore.NONE, new ClosedAnswerMemory(0, new SimpleMeterRegistry()), JsonMapper.shared(), clock, new CacheTimes(Duration.ofHours(1), Duration.ofMinutes(1)), new SimpleMeterRegistry());
    MockMvc failingMvc = MockMvcBuilders.standaloneSetup(new DashboardController(catalog, failing, clock))
        .setControllerAdvice(new ApiExceptionHandler()).build();

    MvcResult async = failingMvc.perform(get("/api/v1/dashboards/shop-health/panels/events")).andReturn();

    failingMvc.perform(asyncDispatch(async))
        .andExpect(status().isBadGateway())
        .andExpect(content().json("{\"error\":\"ClickHouse did not answer\"}", true));
  }
}
