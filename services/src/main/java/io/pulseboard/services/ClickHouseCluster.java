package io.pulseboard.services;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replicated ClickHouse cluster on loopback: one ZooKeeper and {@code replicas} 18.16 servers forming one
 * shard with {@code internal_replication} (a Distributed table writes each row to one replica, replication
 * copies it to the others). Each server has its own ports, the macros {@code {shard}} and {@code {replica}},
 * and the {@code distributed_ddl} queue that {@code ON CLUSTER} needs. For tests of cluster DDL; tests use
 * their own cluster, never the shared single server.
 */
public final class ClickHouseCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseCluster.class);
    private static final Duration ZOOKEEPER_SESSION_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final ZooKeeperProcess zookeeper;
    private final List<ClickHouseProcess> servers;

    private ClickHouseCluster(String name, ZooKeeperProcess zookeeper, List<ClickHouseProcess> servers) {
        this.name = name;
        this.zookeeper = zookeeper;
        this.servers = List.copyOf(servers);
    }

    /** Starts ZooKeeper, then every replica (each in {@code workDir/replica-N}), and returns once all answer. */
    public static ClickHouseCluster start(Path workDir, String name, int replicas) throws IOException {
        if (!name.matches("[a-z][a-z0-9_]*") || replicas < 1) {
            throw new IllegalArgumentException("a cluster needs a lower-case name (an XML element) and replicas");
        }
        ZooKeeperProcess zookeeper = ZooKeeperProcess.start(workDir.resolve("zookeeper"));
        List<ClickHouseProcess> servers = new ArrayList<>();
        try {
            // every server's config lists every replica's TCP port, so all ports are chosen first
            int[] ports = FreePorts.allocate(3 * replicas);
            List<Integer> tcpPorts = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                tcpPorts.add(ports[3 * i + 1]);
            }
            for (int i = 0; i < replicas; i++) {
                String extra = ClickHouseClusterConfig.memberXml(name, zookeeper.port(), tcpPorts, ports[3 * i + 2],
                        "replica-" + (i + 1));
                servers.add(ClickHouseProcess.start(workDir.resolve("replica-" + (i + 1)), ports[3 * i],
                        ports[3 * i + 1], extra));
            }
            servers.forEach(ClickHouseCluster::awaitZooKeeperSession);
        } catch (IOException | RuntimeException e) {
            new ClickHouseCluster(name, zookeeper, servers).close();
            throw e;
        }
        LOG.info("ClickHouse cluster {} ready: {} replicas, ZooKeeper on 127.0.0.1:{}", name, replicas,
                zookeeper.port());
        return new ClickHouseCluster(name, zookeeper, servers);
    }

    /** Replication and ON CLUSTER need the server's ZooKeeper session; /ping answers before it exists. */
    private static void awaitZooKeeperSession(ClickHouseProcess server) {
        long deadline = System.nanoTime() + ZOOKEEPER_SESSION_TIMEOUT.toNanos();
        while (!server.answers("SELECT count() FROM system.zookeeper WHERE path = '/'")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ClickHouse at " + server.httpUrl() + " has no ZooKeeper session after "
                        + ZOOKEEPER_SESSION_TIMEOUT.toSeconds() + " s");
            }
            ChildProcess.sleep(Duration.ofMillis(100));
        }
    }

    /** The cluster's name in every server's {@code remote_servers}. */
    public String name() {
        return name;
    }

    /** The replicas in configuration order. */
    public List<ClickHouseProcess> replicas() {
        return servers;
    }

    public ZooKeeperProcess zookeeper() {
        return zookeeper;
    }

    /** Stops the servers (side by side: each takes seconds), then ZooKeeper. */
    @Override
    public void close() {
        CompletableFuture.allOf(servers.stream()
                .map(s -> CompletableFuture.runAsync(s::close))
                .toArray(CompletableFuture[]::new)).join();
        zookeeper.close();
    }
}
