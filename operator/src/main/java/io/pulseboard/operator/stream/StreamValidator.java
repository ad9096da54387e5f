package io.pulseboard.operator.stream;

import io.pulseboard.api.contract.Durations;
import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.MeasureFunctions;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.AnalyticsStreamSpec;
import io.pulseboard.api.v1alpha1.DimensionSpec;
import io.pulseboard.api.v1alpha1.FieldSpec;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.api.v1alpha1.MeasureSpec;
import io.pulseboard.api.v1alpha1.RollupSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what must hold before any DDL runs or any workload is written. The CRD schema says most of this
 * too, but an API server without schema validation (the local one) lets anything through, and names
 * derived from metadata.name are out of the schema's reach. Each message names the field.
 */
public final class StreamValidator {
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
  private static final Pattern JSON_PATH = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*");
  private static final Pattern DAYS = Pattern.compile("[0-9]+d");
  private static final Pattern SECRET = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Set<FieldType> NUMERIC = EnumSet.of(FieldType.int64, FieldType.float64);
  private static final Set<FieldType> ORDERED = EnumSet.of(FieldType.int64, FieldType.float64, FieldType.datetime);

  private StreamValidator() {}

  /** Every problem found, each naming its field; empty when the stream can be reconciled. */
  public static List<String> problems(AnalyticsStream stream, String defaultKafkaBootstrap) {
    List<String> problems = new ArrayList<>();
    String base = stream.getMetadata().getName().replace('-', '_');
    String nameProblem = Identifiers.problem(base);
    if (nameProblem != null) {
      problems.add("metadata.name cannot name ClickHouse tables: '" + printable(base) + "' " + nameProblem);
    }
    AnalyticsStreamSpec spec = stream.getSpec();
    if (spec == null) {
      problems.add("spec is missing");
      return problems;
    }
    checkSource(spec, defaultKafkaBootstrap, problems);
    checkTimestamp(spec, problems);
    checkClickHouse(spec, problems);
    Map<String, FieldType> columns = checkColumns(spec, problems);
    checkMeasures(spec, columns, problems);
    checkRollups(spec, problems);
    checkIngest(spec, problems);
    return problems;
  }

  private static void checkSource(AnalyticsStreamSpec spec, String defaultBootstrap, List<String> problems) {
    if (spec.getSource() == null || spec.getSource().getKafka() == null) {
      problems.add("spec.source.kafka is missing");
      return;
    }
    String topic = spec.getSource().getKafka().getTopic();
    if (topic == null || !TOPIC.matcher(topic).matches()) {
      problems.add("spec.source.kafka.topic '" + topic + "' is not a Kafka topic name");
    }
    if (spec.getSource().getKafka().getBootstrapServers() == null && defaultBootstrap == null) {
      problems.add("spec.source.kafka.bootstrapServers is not set and the operator has no default Kafka");
    }
  }

  private static void checkTimestamp(AnalyticsStreamSpec spec, List<String> problems) {
    if (spec.getTimestamp() == null) {
      problems.add("spec.timestamp is missing");
      return;
    }
    String field = spec.getTimestamp().getField();
    if (field == null || !JSON_PATH.matcher(field).matches()) {
      problems.add("spec.timestamp.field '" + field + "' is not a JSON path such as ts or meta.time");
    }
    checkDuration("spec.timestamp.lateness", spec.getTimestamp().getLateness(), problems);
  }

  private static void checkClickHouse(AnalyticsStreamSpec spec, List<String> problems) {
    if (spec.getClickhouse() == null) {
      problems.add("spec.clickhouse is missing");
      return;
    }
    String secret = spec.getClickhouse().getConnectionSecret();
    if (secret == null || !SECRET.matcher(secret).matches()) {
      problems.add("spec.clickhouse.connectionSecret '" + secret + "' is not a Secret name");
    }
    checkIdentifier("spec.clickhouse.database", spec.getClickhouse().getDatabase(), problems);
  }

  /** Checks dimensions and fields; returns the type of every valid column name. */
  private static Map<String, FieldType> checkColumns(AnalyticsStreamSpec spec, List<String> problems) {
    Map<String, FieldType> columns = new HashMap<>();
    List<DimensionSpec> dimensions = spec.getDimensions() == null ? List.of() : spec.getDimensions();
    for (int i = 0; i < dimensions.size(); i++) {
      DimensionSpec d = dimensions.get(i);
      String at = "spec.dimensions[" + i + "]";
      checkColumn(at, d.getName(), d.getType(), d.getPath(), columns, problems);
      if (Boolean.TRUE.equals(d.getLowCardinality()) && d.getType() != FieldType.string) {
        problems.add(at + ".lowCardinality applies to string dimensions only");
      }
    }
    List<FieldSpec> fields = spec.getFields() == null ? List.of() : spec.getFields();
    for (int i = 0; i < fields.size(); i++) {
      FieldSpec f = fields.get(i);
      checkColumn("spec.fields[" + i + "]", f.getName(), f.getType(), f.getPath(), columns, problems);
    }
    return columns;
  }

  private static void checkColumn(String at, String name, FieldType type, String path,
      Map<String, FieldType> columns, List<String> problems) {
    if (checkIdentifier(at + ".name", name, problems)) {
      if (columns.containsKey(name)) {
        problems.add(at + ".name '" + name + "' is declared twice");
      }
      columns.put(name, type);
    }
    if (type == null) {
      problems.add(at + ".type is missing");
    }
    if (path != null && !JSON_PATH.matcher(path).matches()) {
      problems.add(at + ".path '" + path + "' is not a JSON path such as user.id");
    }
  }

  private static void checkMeasures(AnalyticsStreamSpec spec, Map<String, FieldType> columns,
      List<String> problems) {
    List<MeasureSpec> measures = spec.getMeasures() == null ? List.of() : spec.getMeasures();
    if (measures.isEmpty()) {
      problems.add("spec.measures is empty; declare at least one measure");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < measures.size(); i++) {
      MeasureSpec m = measures.get(i);
      String at = "spec.measures[" + i + "]";
      if (checkIdentifier(at + ".name", m.getName(), problems)
          && (!names.add(m.getName()) || columns.containsKey(m.getName()))) {
        problems.add(at + ".name '" + m.getName() + "' is already the name of another measure, dimension or field");
      }
      if (m.getAggregate() == null) {
        problems.add(at + ".aggregate is missing");
        continue;
      }
      checkMeasureField(at, m, columns, problems);
      try {
        new MeasureFunctions(m.getAggregate(), m.getQuantiles());
      } catch (IllegalArgumentException e) {
        problems.add(at + ".quantiles: " + e.getMessage());
      }
    }
  }

  private static void checkMeasureField(String at, MeasureSpec m, Map<String, FieldType> columns,
      List<String> problems) {
    if (m.getAggregate() == Aggregate.count) {
      if (m.getField() != null) {
        problems.add(at + ".field must be unset for count");
      }
      return;
    }
    if (m.getField() == null) {
      problems.add(at + ".field is missing; " + m.getAggregate() + " reads a field or dimension");
      return;
    }
    if (!columns.containsKey(m.getField())) {
      problems.add(at + ".field '" + m.getField() + "' is not a declared field or dimension");
      return;
    }
    FieldType type = columns.get(m.getField());
    Set<FieldType> allowed = switch (m.getAggregate()) {
      case sum, avg -> NUMERIC;
      case min, max, quantiles -> ORDERED;
      default -> EnumSet.allOf(FieldType.class);
    };
    if (type != null && !allowed.contains(type)) {
      problems.add(at + ": " + m.getAggregate() + " cannot read " + m.getField() + " of type " + type);
    }
  }

  private static void checkRollups(AnalyticsStreamSpec spec, List<String> problems) {
    if (spec.getRollups() == null) {
      return;
    }
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < spec.getRollups().size(); i++) {
      RollupSpec r = spec.getRollups().get(i);
      String at = "spec.rollups[" + i + "]";
      if (r.getGranularity() == null) {
        problems.add(at + ".granularity is missing; use 1m, 1h or 1d");
      } else if (!seen.add(r.getGranularity())) {
        problems.add(at + ".granularity " + r.getGranularity().label() + " is declared twice");
      }
      checkDays(at + ".retention", r.getRetention(), problems);
    }
    if (spec.getRaw() != null) {
      checkDays("spec.raw.retention", spec.getRaw().getRetention(), problems);
    }
  }

  private static void checkIngest(AnalyticsStreamSpec spec, List<String> problems) {
    if (spec.getIngest() == null) {
      return;
    }
    String dlq = spec.getIngest().getDeadLetterTopic();
    if (dlq != null && !TOPIC.matcher(dlq).matches()) {
      problems.add("spec.ingest.deadLetterTopic '" + dlq + "' is not a Kafka topic name");
    }
    if (spec.getIngest().getReplicas() != null && spec.getIngest().getReplicas() < 0) {
      problems.add("spec.ingest.replicas must not be negative");
    }
    checkDuration("spec.ingest.maxBatchDelay", spec.getIngest().getMaxBatchDelay(), problems);
  }

  /** Adds a problem unless {@code name} is a valid identifier; returns whether it is. */
  private static boolean checkIdentifier(String at, String name, List<String> problems) {
    String problem = Identifiers.problem(name);
    if (problem != null) {
      problems.add(at + " '" + printable(name) + "' " + problem);
    }
    return problem == null;
  }

  /** The value as it may appear in a message: cut short, control characters replaced. */
  private static String printable(String value) {
    if (value == null) {
      return "";
    }
    String cut = value.length() > 64 ? value.substring(0, 64) + "..." : value;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }

  private static void checkDuration(String at, String value, List<String> problems) {
    if (value == null) {
      return;
    }
    try {
      Durations.parse(value);
    } catch (IllegalArgumentException e) {
      problems.add(at + ": " + e.getMessage());
    }
  }

  private static void checkDays(String at, String value, List<String> problems) {
    if (value != null && !DAYS.matcher(value).matches()) {
      problems.add(at + " '" + value + "' is not a number of days such as 30d");
    }
  }
}
