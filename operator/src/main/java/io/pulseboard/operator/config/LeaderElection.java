package io.pulseboard.operator.config;

/**
 * Leader election between operator replicas: only the holder of the Lease reconciles.
 *
 * @param enabled whether to elect a leader; off for a single in-process operator (local mode, tests)
 * @param leaseName the Lease's name
 * @param leaseNamespace the Lease's namespace: the operator's own (the chart passes metadata.namespace)
 * @param identity this replica's name in the Lease (the pod name)
 */
public record LeaderElection(boolean enabled, String leaseName, String leaseNamespace, String identity) {
  public static final LeaderElection OFF = new LeaderElection(false, null, null, null);

  public LeaderElection {
    if (enabled && (isBlank(leaseName) || isBlank(leaseNamespace) || isBlank(identity))) {
      throw new IllegalArgumentException("leader election needs PULSEBOARD_LEASE_NAME, PULSEBOARD_LEASE_NAMESPACE"
          + " and HOSTNAME (the pod name); got lease '" + leaseName + "' in '" + leaseNamespace
          + "' for '" + identity + "'");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
