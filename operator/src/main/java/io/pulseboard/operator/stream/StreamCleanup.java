package io.pulseboard.operator.stream;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.DeletionPolicy;
import io.pulseboard.operator.clickhouse.ClickHouseConnection;
import io.pulseboard.operator.clickhouse.ClickHouseRejectedException;
import io.pulseboard.operator.clickhouse.ClickHouseUnavailableException;
import io.pulseboard.operator.clickhouse.StreamDropper;
import io.pulseboard.operator.status.ReconcileProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What deleting a stream does to its data. {@code Retain} (the default) keeps every table and view: the
 * data outlives the resource and a re-created stream finds it again. {@code Delete} drops the views, then
 * the tables. The ingest workload goes with the resource through its owner reference.
 */
public final class StreamCleanup {
  private static final Logger LOG = LoggerFactory.getLogger(StreamCleanup.class);

  private final StreamDropper dropper;

  public StreamCleanup(StreamDropper dropper) {
    this.dropper = dropper;
  }

  /** @return whether the stream may go; false asks to try again (ClickHouse unreachable or refusing) */
  public boolean cleanup(AnalyticsStream stream, KubernetesClient client) {
    if (stream.getSpec().getDeletionPolicy() != DeletionPolicy.Delete) {
      LOG.info("Stream deleted; its tables are retained (deletionPolicy Retain)");
      return true;
    }
    StreamNames names;
    try {
      names = StreamNames.of(stream.getSpec().getClickhouse().getDatabase(), stream.getMetadata().getName());
    } catch (RuntimeException e) {
      // an invalid spec never had tables created
      LOG.info("Stream deleted; it had no valid names, so no tables to drop");
      return true;
    }
    ClickHouseConnection connection;
    try {
      connection = ConnectionSecrets.read(client, stream.getMetadata().getNamespace(),
          stream.getSpec().getClickhouse().getConnectionSecret());
    } catch (ReconcileProblem e) {
      // without a Secret there is no way to reach the tables; holding the resource would not bring it back
      LOG.warn("Stream deleted with deletionPolicy Delete, but its tables cannot be dropped: {}", e.getMessage());
      return true;
    }
    try {
      LOG.info("Stream deleted; dropped {} (deletionPolicy Delete)", dropper.drop(connection, names));
      return true;
    } catch (ClickHouseUnavailableException | ClickHouseRejectedException e) {
      LOG.warn("Dropping the tables of a deleted stream failed; trying again: {}", e.getMessage());
      return false;
    }
  }
}
