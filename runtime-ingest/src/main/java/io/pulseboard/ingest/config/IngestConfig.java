package io.pulseboard.ingest.config;

import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.api.pipeline.PipelineJson;
import io.pulseboard.api.v1alpha1.StartFrom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the ingest worker is configured with, loaded once at start and validated as a whole, so a
 * bad ConfigMap or Secret fails the pod at start with every problem listed, not at the first event.
 *
 * @param pipeline the stream's pipeline, from {@code $PULSEBOARD_CONFIG_DIR/ingest.json}
 * @param clickhouseUrl ClickHouse HTTP endpoint, such as {@code http://clickhouse:8123}
 * @param clickhouseUser ClickHouse user
 * @param clickhousePassword ClickHouse password (never printed)
 * @param httpHost address the health and metrics server binds to
 * @param httpPort port of the health and metrics server; 0 picks a free one
 * @param instanceId stable name of this replica (the pod name), or null: with it the worker is a static
 *     member of its consumer group, so a process restarted after a crash takes its partitions back at
 *     once instead of after the session timeout
 */
public record IngestConfig(
    IngestPipeline pipeline,
    String clickhouseUrl,
    String clickhouseUser,
    String clickhousePassword,
    String httpHost,
    int httpPort,
    String instanceId) {

  public static final String CONFIG_DIR = "PULSEBOARD_CONFIG_DIR";
  public static final String DEFAULT_CONFIG_DIR = "/etc/pulseboard";
  public static final String CLICKHOUSE_URL = "CLICKHOUSE_URL";
  public static final String CLICKHOUSE_USER = "CLICKHOUSE_USER";
  public static final String CLICKHOUSE_PASSWORD = "CLICKHOUSE_PASSWORD";
  public static final String HTTP_PORT = "PULSEBOARD_HTTP_PORT";
  /** Pods must bind all interfaces for kubelet probes; the local runner can pin it to 127.0.0.1. */
  public static final String HTTP_HOST = "PULSEBOARD_HTTP_HOST";
  public static final int DEFAULT_HTTP_PORT = 8080;
  /** Optional; the operator can set it from the pod name (fieldRef metadata.name). */
  public static final String INSTANCE_ID = "PULSEBOARD_INSTANCE_ID";

  public IngestConfig {
    List<String> problems = problems(pipeline, clickhouseUrl, httpPort);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid ingest configuration: " + String.join("; ", problems));
    }
    clickhouseUser = blankTo(clickhouseUser, "default");
    clickhousePassword = clickhousePassword == null ? "" : clickhousePassword;
    httpHost = blankTo(httpHost, "0.0.0.0");
    instanceId = instanceId == null || instanceId.isBlank() ? null : instanceId.trim();
  }

  /** Without a replica name: a dynamic group member. */
  public IngestConfig(IngestPipeline pipeline, String clickhouseUrl, String clickhouseUser, String clickhousePassword,
      String httpHost, int httpPort) {
    this(pipeline, clickhouseUrl, clickhouseUser, clickhousePassword, httpHost, httpPort, null);
  }

  /** Reads the pipeline file and the connection settings from a process environment. */
  public static IngestConfig fromEnvironment(Map<String, String> env) {
    Path file = Path.of(blankTo(env.get(CONFIG_DIR), DEFAULT_CONFIG_DIR)).resolve(IngestPipeline.FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("invalid ingest configuration: " + file + " does not exist (set "
          + CONFIG_DIR + " to the directory holding " + IngestPipeline.FILE + ")");
    }
    IngestPipeline pipeline = PipelineJson.read(file, IngestPipeline.class);
    return new IngestConfig(
        pipeline,
        env.get(CLICKHOUSE_URL),
        env.get(CLICKHOUSE_USER),
        env.get(CLICKHOUSE_PASSWORD),
        env.get(HTTP_HOST),
        parsePort(env.get(HTTP_PORT)),
        env.get(INSTANCE_ID));
  }

  @Override
  public String toString() {
    return "IngestConfig[stream=" + pipeline.namespace() + "/" + pipeline.stream()
        + ", topic=" + pipeline.topic() + ", deadLetterTopic=" + pipeline.deadLetterTopic()
        + ", consumerGroup=" + pipeline.consumerGroup() + ", bootstrapServers=" + pipeline.bootstrapServers()
        + ", table=" + pipeline.database() + "." + pipeline.rawTable()
        + (pipeline.clickhouseSettings().isEmpty() ? "" : ", clickhouseSettings=" + pipeline.clickhouseSettings())
        + ", clickhouseUrl=" + clickhouseUrl + ", clickhouseUser=" + clickhouseUser
        + ", clickhousePassword=" + (clickhousePassword.isEmpty() ? "<empty>" : "<redacted>")
        + ", http=" + httpHost + ":" + httpPort + ", instanceId=" + instanceId + "]";
  }

  private static List<String> problems(IngestPipeline p, String clickhouseUrl, int httpPort) {
    List<String> problems = new ArrayList<>();
    if (clickhouseUrl == null || !clickhouseUrl.matches("https?://.+")) {
      problems.add(CLICKHOUSE_URL + " must be an http:// or https:// URL, got " + (clickhouseUrl == null ? "nothing" : "'" + clickhouseUrl + "'"));
    }
    if (httpPort < 0 || httpPort > 65535) {
      problems.add(HTTP_PORT + " must be a port number, got " + httpPort);
    }
    if (p == null) {
      problems.add("the pipeline is missing");
      return problems;
    }
    requireText(problems, "bootstrapServers", p.bootstrapServers());
    requireText(problems, "topic", p.topic());
    requireText(problems, "deadLetterTopic", p.deadLetterTopic());
    requireText(problems, "consumerGroup", p.consumerGroup());
    requireText(problems, "timestampPath", p.timestampPath());
    if (p.topic() != null && p.topic().equals(p.deadLetterTopic())) {
      problems.add("deadLetterTopic must differ from topic");
    }
    requireIdentifier(problems, "database", p.database());
    requireIdentifier(problems, "rawTable", p.rawTable());
    if (p.startFrom() != null && !isStartFrom(p.startFrom())) {
      problems.add("startFrom must be earliest or latest, got '" + p.startFrom() + "'");
    }
    if (p.latenessMillis() <= 0) {
      problems.add("latenessMillis must be positive");
    }
    if (p.maxBatchRows() <= 0) {
      problems.add("maxBatchRows must be positive");
    }
    if (p.maxBatchBytes() <= 0) {
      problems.add("maxBatchBytes must be positive");
    }
    if (p.maxBatchDelayMillis() <= 0) {
      problems.add("maxBatchDelayMillis must be positive");
    }
    // settings travel as URL parameters of every request: names only, never anything else
    p.clickhouseSettings().forEach((name, value) -> {
      if (!name.matches("[a-z_][a-z0-9_]*") || value == null) {
        problems.add("clickhouseSettings has an invalid entry '" + name + "'");
      }
    });
    Set<String> names = new HashSet<>();
    for (ColumnSpec column : p.columns()) {
      requireIdentifier(problems, "column name", column.name());
      if (column.type() == null) {
        problems.add("column " + column.name() + " has no type");
      }
      if (column.path() == null || !column.path().matches("[^.]+(\\.[^.]+)*")) {
        problems.add("column " + column.name() + " has an invalid path '" + column.path() + "'");
      }
      if (!names.add(column.name())) {
        problems.add("column " + column.name() + " appears twice");
      }
    }
    return problems;
  }

  private static boolean isStartFrom(String value) {
    for (StartFrom s : StartFrom.values()) {
      if (s.name().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static void requireText(List<String> problems, String what, String value) {
    if (value == null || value.isBlank()) {
      problems.add(what + " is missing");
    }
  }

  private static void requireIdentifier(List<String> problems, String what, String value) {
    String problem = Identifiers.problem(value);
    if (problem != null) {
      problems.add(what + " '" + value + "' " + problem);
    }
  }

  private static int parsePort(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_HTTP_PORT;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid ingest configuration: " + HTTP_PORT + " is not a number: '" + text + "'");
    }
  }

  private static String blankTo(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
