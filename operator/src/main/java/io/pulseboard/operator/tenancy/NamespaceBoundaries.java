package io.pulseboard.operator.tenancy;

import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.Dashboard;
import io.pulseboard.operator.config.DatabasePolicy;
import io.pulseboard.operator.status.Problem;
import io.pulseboard.operator.status.Reason;
import java.util.Optional;

/**
 * Keeps each namespace's resources to its own connections and databases. Secret references are plain
 * names resolved in the resource's namespace, so a reference that tries to name another namespace
 * ({@code other/clickhouse}, {@code clickhouse.other}) is refused with its own reason rather than read as
 * an odd name; and a stream may only use the databases the operator's policy gives its namespace. Checked
 * before anything reads a Secret or touches ClickHouse.
 */
public final class NamespaceBoundaries {
  private NamespaceBoundaries() {}

  public static Optional<Problem> check(AnalyticsStream stream, DatabasePolicy policy) {
    if (stream.getSpec() == null || stream.getSpec().getClickhouse() == null) {
      return Optional.empty();
    }
    String namespace = stream.getMetadata().getNamespace();
    Optional<Problem> crossNamespace = secretProblem("spec.clickhouse.connectionSecret",
        stream.getSpec().getClickhouse().getConnectionSecret(), namespace);
    if (crossNamespace.isPresent()) {
      return crossNamespace;
    }
    String database = stream.getSpec().getClickhouse().getDatabase();
    if (database != null && !policy.allows(namespace, database)) {
      return Optional.of(new Problem(Reason.DatabaseNotAllowed, "spec.clickhouse.database '" + database
          + "' is not allowed: " + policy.describe(namespace)));
    }
    return Optional.empty();
  }

  public static Optional<Problem> check(Dashboard dashboard) {
    if (dashboard.getSpec() == null || dashboard.getSpec().getQuery() == null) {
      return Optional.empty();
    }
    return secretProblem("spec.query.redisSecret", dashboard.getSpec().getQuery().getRedisSecret(),
        dashboard.getMetadata().getNamespace());
  }

  private static Optional<Problem> secretProblem(String field, String reference, String namespace) {
    if (reference == null || (reference.indexOf('/') < 0 && reference.indexOf('.') < 0)) {
      return Optional.empty();
    }
    return Optional.of(new Problem(Reason.CrossNamespaceReference, field + " '" + reference
        + "' names another namespace; a Secret reference is a name in the resource's own namespace ("
        + namespace + "): copy the Secret there and name it without a namespace"));
  }
}
