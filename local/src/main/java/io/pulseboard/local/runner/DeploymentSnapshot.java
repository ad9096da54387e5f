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
 * @param servingPort the port the first replica listens on, kept across its restarts; empty before its
 *     first start
 */
public record DeploymentSnapshot(int replicas, int readyReplicas, List<Long> pids, Optional<Integer> firstPort,
    Optional<Integer> servingPort) {
  public DeploymentSnapshot {
    pids = List.copyOf(pids);
  }
}
