package io.pulseboard.local.runner;

import java.util.List;
import java.util.Optional;

/**
 * What runs for one Deployment at the end of a runner tick, safe to read from any thread.
 *
 * @param replicas processes running
 * @param readyReplicas processes that pass their readiness probe
 * @param pids PIDs of the running processes
 * @param firstPort the HTTP port of the first process, if it runs
 */
public record DeploymentSnapshot(int replicas, int readyReplicas, List<Long> pids, Optional<Integer> firstPort) {
  public DeploymentSnapshot {
    pids = List.copyOf(pids);
  }
}
