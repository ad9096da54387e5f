package io.pulseboard.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loopback cluster: ON CLUSTER DDL reaches both replicas, replication works, close() stops every process. */
class ClickHouseClusterIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    @Test
    void rowsInsertedOnOneReplicaAreCountedOnTheOtherAndCloseStopsEveryProcess() throws Exception {
        List<ProcessHandle> processes;
        try (ClickHouseCluster cluster = ClickHouseCluster.start(workDir, "loopback", 2)) {
            String first = cluster.replicas().get(0).httpUrl();
            String second = cluster.replicas().get(1).httpUrl();
            processes = List.of(handle(cluster.zookeeper().pid()), handle(cluster.replicas().get(0).pid()),
                    handle(cluster.replicas().get(1).pid()));

            assertThat(sql(first, "SELECT count() FROM system.clusters WHERE cluster = 'loopback'")).isEqualTo("2");
            sql(first, "CREATE DATABASE IF NOT EXISTS t ON CLUSTER loopback");
            sql(first, "CREATE TABLE t.n ON CLUSTER loopback (x UInt64) ENGINE = "
                    + "ReplicatedMergeTree('/clickhouse/tables/{shard}/t/n', '{replica}') ORDER BY x");
            sql(first, "INSERT INTO t.n SELECT number FROM numbers(1000)");

            assertThat(sql(second, "SELECT substitution FROM system.macros WHERE macro = 'replica'")).isEqualTo("replica-2");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(sql(second, "SELECT count(), sum(x) FROM t.n")).isEqualTo("1000\t499500"));
        }
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
    }

    private static ProcessHandle handle(long pid) {
        return ProcessHandle.of(pid).orElseThrow();
    }

    private static String sql(String url, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().strip();
    }
}
