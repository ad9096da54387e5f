package io.pulseboard.query.bench;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.AnalyticsStreamSpec;
import io.pulseboard.api.v1alpha1.ClickHouseSpec;
import io.pulseboard.api.v1alpha1.DimensionSpec;
import io.pulseboard.api.v1alpha1.FieldSpec;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.api.v1alpha1.IngestSpec;
import io.pulseboard.api.v1alpha1.KafkaSourceSpec;
import io.pulseboard.api.v1alpha1.MeasureSpec;
import io.pulseboard.api.v1alpha1.SourceSpec;
import io.pulseboard.api.v1alpha1.TimestampSpec;
import io.pulseboard.operator.clickhouse.DdlGenerator;
import io.pulseboard.operator.clickhouse.FloorDialect;
import io.pulseboard.operator.clickhouse.SchemaApplier;
import io.pulseboard.operator.clickhouse.StreamSchemas;
import io.pulseboard.operator.stream.IngestPipelines;
import io.pulseboard.operator.stream.StreamContracts;
import java.util.List;

/**
 * The benchmarks' stream, declared as a user would (an AnalyticsStream: country and platform dimensions,
 * amount and user_id fields, events and revenue measures, the default 1m/1h/1d rollups), turned into
 * tables, the query contract and the ingest pipeline by the operator's own code.
 */
final class BenchStream {
  static final String DATABASE = "bench";
  static final String NAME = "checkout";
  static final String TOPIC = "checkout-events";
  static final int SCHEMA_VERSION = SchemaApplier.FIRST_VERSION;
  static final List<String> COUNTRIES = List.of("de", "fr", "us", "jp", "br", "in", "gb", "es");
  static final List<String> PLATFORMS = List.of("ios", "android", "web");

  private BenchStream() {}

  static AnalyticsStream resource(String maxBatchDelay) {
    AnalyticsStreamSpec spec = new AnalyticsStreamSpec();
    KafkaSourceSpec kafka = new KafkaSourceSpec();
    kafka.setTopic(TOPIC);
    SourceSpec source = new SourceSpec();
    source.setKafka(kafka);
    spec.setSource(source);
    TimestampSpec timestamp = new TimestampSpec();
    timestamp.setField("ts");
    spec.setTimestamp(timestamp);
    spec.setDimensions(List.of(dimension("country"), dimension("platform")));
    spec.setFields(List.of(field("amount", FieldType.float64), field("user_id", FieldType.string)));
    spec.setMeasures(List.of(measure("events", Aggregate.count, null), measure("revenue", Aggregate.sum, "amount")));
    ClickHouseSpec clickhouse = new ClickHouseSpec();
    clickhouse.setDatabase(DATABASE);
    spec.setClickhouse(clickhouse);
    IngestSpec ingest = new IngestSpec();
    ingest.setMaxBatchDelay(maxBatchDelay);
    spec.setIngest(ingest);
    AnalyticsStream stream = new AnalyticsStream();
    stream.setMetadata(new ObjectMetaBuilder().withName(NAME).withNamespace("bench").build());
    stream.setSpec(spec);
    return stream;
  }

  /** The statements the operator runs on ClickHouse 18.16 for this stream. */
  static List<String> ddl() {
    return new DdlGenerator(FloorDialect.INSTANCE)
        .statements(StreamSchemas.of(StreamNames.of(DATABASE, NAME), resource("500ms").getSpec(), SCHEMA_VERSION));
  }

  /** What the operator writes into query.json about the stream. */
  static StreamContract contract() {
    return StreamContracts.of(resource("500ms"));
  }

  static IngestPipeline ingest(String kafkaBootstrap, String maxBatchDelay) {
    return IngestPipelines.of(resource(maxBatchDelay), kafkaBootstrap, SCHEMA_VERSION);
  }

  /**
   * {@code events} rows spread evenly, in time order, over {@code [fromSeconds, fromSeconds + spanSeconds)},
   * written server-side in one INSERT ... SELECT, so the views fill the rollups as the ingest worker's
   * inserts would.
   */
  static String fill(long events, long fromSeconds, long spanSeconds) {
    return "INSERT INTO " + DATABASE + "." + NAME + "_raw (_time, country, platform, amount, user_id, _partition, _offset,"
        + " _ingested_at, _schema_version) SELECT"
        + " toDateTime(" + fromSeconds + " + intDiv(number * " + spanSeconds + ", " + events + ")),"
        + " arrayElement(['" + String.join("', '", COUNTRIES) + "'], intHash32(number) % " + COUNTRIES.size() + " + 1),"
        + " arrayElement(['" + String.join("', '", PLATFORMS) + "'], intHash32(number * 3) % " + PLATFORMS.size() + " + 1),"
        + " (intHash32(number * 5) % 400 + 1) * 0.25,"
        + " concat('u', toString(intHash32(number * 7) % 100000)),"
        + " toInt32(0), toInt64(number), now(), toUInt32(" + SCHEMA_VERSION + ")"
        + " FROM system.numbers LIMIT " + events;
  }

  private static DimensionSpec dimension(String name) {
    DimensionSpec d = new DimensionSpec();
    d.setName(name);
    d.setType(FieldType.string);
    return d;
  }

  private static FieldSpec field(String name, FieldType type) {
    FieldSpec f = new FieldSpec();
    f.setName(name);
    f.setType(type);
    return f;
  }

  private static MeasureSpec measure(String name, Aggregate aggregate, String field) {
    MeasureSpec m = new MeasureSpec();
    m.setName(name);
    m.setAggregate(aggregate);
    m.setField(field);
    return m;
  }
}
