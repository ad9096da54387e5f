package io.pulseboard.operator.config;

import io.pulseboard.api.contract.Durations;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The operator's settings, loaded once at start.
 *
 * @param defaultKafkaBootstrap Kafka for streams that name no bootstrap servers; null when there is none
 * @param useServerSideApply whether to write resources with Server-Side Apply; off against API servers
 *     that lack it, such as the fabric8 mock server of local mode
 * @param watchedNamespaces namespaces to watch; empty watches all
 * @param ingestImage image of the ingest workers
 * @param queryImage image of the query services
 * @param recheckInterval how often a Ready stream is looked at again (freshness and retention change
 *     without any Kubernetes event)
 * @param consistencyInterval how often each stream's rollups are compared with raw and each other
 * @param databasePolicy which ClickHouse databases each namespace may use
 * @param metricsHost address /metrics, /healthz and /readyz listen on when run as a process
 * @param metricsPort port of /metrics, /healthz and /readyz when run as a process (0: any free port)
 * @param logLevel log level of the operator's own classes
 * @param leaderElection whether and how replicas elect the one that reconciles
 */
public record OperatorConfig(String defaultKafkaBootstrap, boolean useServerSideApply,
    Set<String> watchedNamespaces, String ingestImage, String queryImage, Duration recheckInterval,
    Duration consistencyInterval, DatabasePolicy databasePolicy, String metricsHost, int metricsPort,
    LogLevel logLevel, LeaderElection leaderElection) {

  public static final String KAFKA_BOOTSTRAP = "PULSEBOARD_KAFKA_BOOTSTRAP";
  public static final String USE_SSA = "PULSEBOARD_SSA";
  public static final String WATCH_NAMESPACES = "PULSEBOARD_NAMESPACES";
  public static final String INGEST_IMAGE = "PULSEBOARD_INGEST_IMAGE";
  public static final String QUERY_IMAGE = "PULSEBOARD_QUERY_IMAGE";
  public static final String RECHECK_INTERVAL = "PULSEBOARD_RECHECK_INTERVAL";
  public static final Duration DEFAULT_RECHECK_INTERVAL = Duration.ofSeconds(60);
  public static final String CONSISTENCY_INTERVAL = "PULSEBOARD_CONSISTENCY_INTERVAL";
  public static final Duration DEFAULT_CONSISTENCY_INTERVAL = Duration.ofMinutes(10);
  public static final String DATABASE_POLICY = "PULSEBOARD_DATABASE_POLICY";
  public static final String METRICS_HOST = "PULSEBOARD_METRICS_HOST";
  public static final String METRICS_PORT = "PULSEBOARD_METRICS_PORT";
  public static final String LOG_LEVEL = "PULSEBOARD_LOG_LEVEL";
  public static final String LEADER_ELECTION = "PULSEBOARD_LEADER_ELECTION";
  public static final String LEASE_NAME = "PULSEBOARD_LEASE_NAME";
  public static final String LEASE_NAMESPACE = "PULSEBOARD_LEASE_NAMESPACE";
  /** Set by Kubernetes to the pod name: this replica's identity in the Lease. */
  public static final String POD_NAME = "HOSTNAME";
  public static final int DEFAULT_METRICS_PORT = 8080;
  public static final String DEFAULT_LEASE_NAME = "pulseboard-operator-lease";

  private static final String IMAGE_REPOSITORY = "ghcr.io/pulseboard/";
  private static final Pattern BOOTSTRAP = Pattern.compile("[A-Za-z0-9.\\[\\]:_-]+:[0-9]{1,5}(,[A-Za-z0-9.\\[\\]:_-]+:[0-9]{1,5})*");
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern IMAGE = Pattern.compile("[^\\s]+");

  public OperatorConfig {
    if (defaultKafkaBootstrap != null && !BOOTSTRAP.matcher(defaultKafkaBootstrap).matches()) {
      throw new IllegalArgumentException(KAFKA_BOOTSTRAP + " '" + defaultKafkaBootstrap
          + "' is not a comma-separated host:port list");
    }
    watchedNamespaces = Set.copyOf(watchedNamespaces);
    for (String namespace : watchedNamespaces) {
      if (!NAMESPACE.matcher(namespace).matches()) {
        throw new IllegalArgumentException(WATCH_NAMESPACES + ": '" + namespace + "' is not a namespace name");
      }
    }
    requireImage(INGEST_IMAGE, ingestImage);
    requireImage(QUERY_IMAGE, queryImage);
    if (recheckInterval == null || recheckInterval.isNegative() || recheckInterval.isZero()) {
      throw new IllegalArgumentException(RECHECK_INTERVAL + " must be a positive duration such as 60s");
    }
    if (consistencyInterval == null || consistencyInterval.isNegative() || consistencyInterval.isZero()) {
      throw new IllegalArgumentException(CONSISTENCY_INTERVAL + " must be a positive duration such as 10m");
    }
    Objects.requireNonNull(databasePolicy, "databasePolicy");
    Objects.requireNonNull(logLevel, "logLevel");
    Objects.requireNonNull(metricsHost, "metricsHost");
    Objects.requireNonNull(leaderElection, "leaderElection");
    if (metricsPort < 0 || metricsPort > 65535) {
      throw new IllegalArgumentException(METRICS_PORT + " must be a port number, not " + metricsPort);
    }
  }

  /** The same settings with another re-check interval (tests use a short one). */
  public OperatorConfig withRecheckInterval(Duration interval) {
    return new OperatorConfig(defaultKafkaBootstrap, useServerSideApply, watchedNamespaces, ingestImage, queryImage,
        interval, consistencyInterval, databasePolicy, metricsHost, metricsPort, logLevel, leaderElection);
  }

  /** The same settings with another rollup consistency interval (tests use a short one). */
  public OperatorConfig withConsistencyInterval(Duration interval) {
    return new OperatorConfig(defaultKafkaBootstrap, useServerSideApply, watchedNamespaces, ingestImage, queryImage,
        recheckInterval, interval, databasePolicy, metricsHost, metricsPort, logLevel, leaderElection);
  }

  /** Settings for an in-process operator against a local API server without Server-Side Apply. */
  public static OperatorConfig local(String kafkaBootstrap) {
    return new OperatorConfig(kafkaBootstrap, false, Set.of(), defaultImage("runtime-ingest"),
        defaultImage("runtime-query"), DEFAULT_RECHECK_INTERVAL, DEFAULT_CONSISTENCY_INTERVAL,
        DatabasePolicy.ALLOW_ALL, "127.0.0.1", 0, LogLevel.info, LeaderElection.OFF);
  }

  /** Reads the settings from environment variables; every variable is optional. */
  public static OperatorConfig fromEnv(Map<String, String> env) {
    return new OperatorConfig(
        blankToNull(env.get(KAFKA_BOOTSTRAP)),
        parseBoolean(USE_SSA, env.getOrDefault(USE_SSA, "true")),
        parseNamespaces(env.getOrDefault(WATCH_NAMESPACES, "")),
        orDefault(env.get(INGEST_IMAGE), defaultImage("runtime-ingest")),
        orDefault(env.get(QUERY_IMAGE), defaultImage("runtime-query")),
        parseInterval(RECHECK_INTERVAL, env.get(RECHECK_INTERVAL), DEFAULT_RECHECK_INTERVAL),
        parseInterval(CONSISTENCY_INTERVAL, env.get(CONSISTENCY_INTERVAL), DEFAULT_CONSISTENCY_INTERVAL),
        DatabasePolicy.parse(DATABASE_POLICY, env.getOrDefault(DATABASE_POLICY, "")),
        orDefault(env.get(METRICS_HOST), "0.0.0.0"),
        parsePort(METRICS_PORT, env.getOrDefault(METRICS_PORT, String.valueOf(DEFAULT_METRICS_PORT))),
        parseLogLevel(env.getOrDefault(LOG_LEVEL, "info")),
        parseLeaderElection(env));
  }

  /** The same settings with another database policy. */
  public OperatorConfig withDatabasePolicy(DatabasePolicy policy) {
    return new OperatorConfig(defaultKafkaBootstrap, useServerSideApply, watchedNamespaces, ingestImage,
        queryImage, recheckInterval, consistencyInterval, policy, metricsHost, metricsPort, logLevel, leaderElection);
  }

  private static LeaderElection parseLeaderElection(Map<String, String> env) {
    if (!parseBoolean(LEADER_ELECTION, env.getOrDefault(LEADER_ELECTION, "false"))) {
      return LeaderElection.OFF;
    }
    return new LeaderElection(true, orDefault(env.get(LEASE_NAME), DEFAULT_LEASE_NAME),
        blankToNull(env.get(LEASE_NAMESPACE)), blankToNull(env.get(POD_NAME)));
  }

  private static int parsePort(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
    }
  }

  private static LogLevel parseLogLevel(String value) {
    try {
      return LogLevel.valueOf(value.trim().toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(LOG_LEVEL + " must be one of trace, debug, info, warn, error, not '"
          + value + "'");
    }
  }

  /** {@code ghcr.io/pulseboard/<component>:<operator version>}. */
  public static String defaultImage(String component) {
    return IMAGE_REPOSITORY + component + ":" + OperatorVersion.current();
  }

  private static Duration parseInterval(String name, String value, Duration fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage());
    }
  }

  private static boolean parseBoolean(String name, String value) {
    return switch (value.trim()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
    };
  }

  private static Set<String> parseNamespaces(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static void requireImage(String name, String image) {
    if (image == null || !IMAGE.matcher(image).matches()) {
      throw new IllegalArgumentException(name + " must be an image reference without spaces, not '" + image + "'");
    }
  }

  private static String orDefault(String value, String fallback) {
    String v = blankToNull(value);
    return v == null ? fallback : v;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
