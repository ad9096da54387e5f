package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** What a team declares about an event stream. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.measures.all(m, !has(m.field) || (has(self.fields) ? self.fields : []).exists(f, f.name == m.field) || (has(self.dimensions) ? self.dimensions : []).exists(d, d.name == m.field))",
    message = "every measure's field must name a declared field or dimension")
@ValidationRule(value = "self.measures.all(m, m.aggregate == 'count' || has(m.field))",
    message = "every measure except count must name a field")
@ValidationRule(value = "(has(self.dimensions) ? self.dimensions : []).all(d, (has(self.dimensions) ? self.dimensions : []).filter(o, o.name == d.name).size() == 1) && (has(self.fields) ? self.fields : []).all(f, (has(self.fields) ? self.fields : []).filter(o, o.name == f.name).size() == 1 && !(has(self.dimensions) ? self.dimensions : []).exists(d, d.name == f.name))",
    message = "dimension and field names must be unique")
@ValidationRule(value = "self.measures.all(m, self.measures.filter(o, o.name == m.name).size() == 1 && !(has(self.fields) ? self.fields : []).exists(f, f.name == m.name) && !(has(self.dimensions) ? self.dimensions : []).exists(d, d.name == m.name))",
    message = "measure names must be unique and differ from field and dimension names")
@ValidationRule(value = "!has(self.rollups) || self.rollups.all(r, self.rollups.filter(o, o.granularity == r.granularity).size() == 1)",
    message = "each rollup granularity may appear only once")
@ValidationRule(value = "self.measures.all(m, !(m.aggregate in ['sum', 'avg', 'min', 'max', 'quantiles']) || !has(m.field) || !(has(self.fields) ? self.fields : []).exists(f, f.name == m.field && f.type in ['string', 'bool']) && !(has(self.dimensions) ? self.dimensions : []).exists(d, d.name == m.field && d.type in ['string', 'bool']))",
    message = "sum, avg, min, max and quantiles need a numeric or datetime field, not a string or bool")
public class AnalyticsStreamSpec {
  @Required
  @JsonPropertyDescription("Where the events come from.")
  private SourceSpec source;

  @Required
  @JsonPropertyDescription("The event field that holds the event time, and how late an event may arrive.")
  private TimestampSpec timestamp;

  @Size(max = 32)
  @JsonPropertyDescription("Columns to group and filter by. At most 32.")
  private List<DimensionSpec> dimensions = new ArrayList<>();

  @Size(max = 128)
  @JsonPropertyDescription("Raw values that measures read from. At most 128.")
  private List<FieldSpec> fields = new ArrayList<>();

  @Required
  @Size(min = 1, max = 64)
  @JsonPropertyDescription("What to aggregate: each measure becomes one aggregate column in every rollup.")
  private List<MeasureSpec> measures = new ArrayList<>();

  @Size(max = 3)
  @JsonPropertyDescription("Pre-aggregated tables to keep, by granularity. Defaults to 1m, 1h and 1d.")
  private List<RollupSpec> rollups;

  @JsonPropertyDescription("Settings of the raw event table.")
  private RawSpec raw;

  @Required
  @JsonPropertyDescription("The ClickHouse server and database that hold the tables.")
  private ClickHouseSpec clickhouse;

  @JsonPropertyDescription("Settings of the ingest workers that move events from Kafka into ClickHouse.")
  private IngestSpec ingest;

  @JsonPropertyDescription("Thresholds of the Fresh condition: consumer-group lag and time since the newest ingested row.")
  private FreshnessSpec freshness;

  @Default("Retain")
  @JsonPropertyDescription("What happens to the ClickHouse tables when the stream is deleted: Retain keeps them, Delete drops them.")
  private DeletionPolicy deletionPolicy = DeletionPolicy.Retain;

  public SourceSpec getSource() {
    return source;
  }

  public void setSource(SourceSpec source) {
    this.source = source;
  }

  public TimestampSpec getTimestamp() {
    return timestamp;
  }

  public void setTimestamp(TimestampSpec timestamp) {
    this.timestamp = timestamp;
  }

  public List<DimensionSpec> getDimensions() {
    return dimensions;
  }

  public void setDimensions(List<DimensionSpec> dimensions) {
    this.dimensions = dimensions;
  }

  public List<FieldSpec> getFields() {
    return fields;
  }

  public void setFields(List<FieldSpec> fields) {
    this.fields = fields;
  }

  public List<MeasureSpec> getMeasures() {
    return measures;
  }

  public void setMeasures(List<MeasureSpec> measures) {
    this.measures = measures;
  }

  public List<RollupSpec> getRollups() {
    return rollups;
  }

  public void setRollups(List<RollupSpec> rollups) {
    this.rollups = rollups;
  }

  public RawSpec getRaw() {
    return raw;
  }

  public void setRaw(RawSpec raw) {
    this.raw = raw;
  }

  public ClickHouseSpec getClickhouse() {
    return clickhouse;
  }

  public void setClickhouse(ClickHouseSpec clickhouse) {
    this.clickhouse = clickhouse;
  }

  public IngestSpec getIngest() {
    return ingest;
  }

  public void setIngest(IngestSpec ingest) {
    this.ingest = ingest;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public FreshnessSpec getFreshness() {
    return freshness;
  }

  public void setFreshness(FreshnessSpec freshness) {
    this.freshness = freshness;
  }
}
