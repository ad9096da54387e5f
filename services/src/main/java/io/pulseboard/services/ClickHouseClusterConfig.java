package io.pulseboard.services;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The sections a ClickHouse 18.16 server needs to be a replica of a one-shard loopback cluster; they go into
 * the config {@link ClickHouseConfig} writes. Without {@code distributed_ddl}, {@code ON CLUSTER} fails with
 * "DDL background thread is not initialized".
 */
final class ClickHouseClusterConfig {

    private ClickHouseClusterConfig() {
    }

    static String memberXml(String cluster, int zookeeperPort, List<Integer> replicaTcpPorts, int interserverPort,
            String replica) {
        String replicas = replicaTcpPorts.stream()
                .map(port -> "        <replica><host>127.0.0.1</host><port>" + port + "</port></replica>")
                .collect(Collectors.joining("\n"));
        return """
                  <interserver_http_host>127.0.0.1</interserver_http_host>
                  <interserver_http_port>%3$d</interserver_http_port>
                  <zookeeper>
                    <node><host>127.0.0.1</host><port>%2$d</port></node>
                  </zookeeper>
                  <remote_servers>
                    <%1$s>
                      <shard>
                        <internal_replication>true</internal_replication>
                %4$s
                      </shard>
                    </%1$s>
                  </remote_servers>
                  <macros>
                    <shard>01</shard>
                    <replica>%5$s</replica>
                  </macros>
                  <distributed_ddl>
                    <path>/clickhouse/task_queue/ddl</path>
                  </distributed_ddl>
                """.formatted(ClickHouseConfig.xmlText(cluster), zookeeperPort, interserverPort, replicas,
                ClickHouseConfig.xmlText(replica));
    }
}
