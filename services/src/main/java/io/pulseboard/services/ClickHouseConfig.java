package io.pulseboard.services;

import java.nio.file.Path;

/** The server and users configuration of a loopback ClickHouse 18.16 whose files all live in one directory. */
final class ClickHouseConfig {

    private ClickHouseConfig() {
    }

    static String serverXml(Path workDir, int httpPort, int tcpPort) {
        return serverXml(workDir, httpPort, tcpPort, "");
    }

    /** The same server with {@code extraXml} (such as a cluster's sections) inside the root element. */
    static String serverXml(Path workDir, int httpPort, int tcpPort, String extraXml) {
        String dir = xmlText(workDir.toString());
        return """
                <?xml version="1.0"?>
                <yandex>
                  <logger>
                    <level>information</level>
                    <log>%1$s/server.log</log>
                    <errorlog>%1$s/error.log</errorlog>
                    <size>100M</size>
                    <count>2</count>
                    <console>0</console>
                  </logger>
                  <listen_host>127.0.0.1</listen_host>
                  <http_port>%2$d</http_port>
                  <tcp_port>%3$d</tcp_port>
                  <path>%1$s/data/</path>
                  <tmp_path>%1$s/tmp/</tmp_path>
                  <user_files_path>%1$s/user_files/</user_files_path>
                  <format_schema_path>%1$s/format_schemas/</format_schema_path>
                  <users_config>%1$s/users.xml</users_config>
                  <default_profile>default</default_profile>
                  <default_database>default</default_database>
                  <mark_cache_size>268435456</mark_cache_size>
                  <!-- A SIGTERM waits for idle keep-alive connections (up to 5 s, then ~7 s more for the query log
                       flush); with the default 10 s timeout a stop took 11-12 s, with 2 s it takes ~3.5 s. Clients
                       learn the timeout from the Keep-Alive header and do not reuse a connection the server closed. -->
                  <keep_alive_timeout>2</keep_alive_timeout>
                  <!-- Kafka table engine: a new consumer group reads the backlog, and a restarted server does not
                       wait 30-80 s for its old group members to time out. -->
                  <kafka>
                    <auto_offset_reset>smallest</auto_offset_reset>
                    <session_timeout_ms>10000</session_timeout_ms>
                  </kafka>
                %4$s</yandex>
                """.formatted(dir, httpPort, tcpPort, extraXml);
    }

    static String usersXml() {
        return """
                <?xml version="1.0"?>
                <yandex>
                  <profiles>
                    <default>
                      <allow_experimental_low_cardinality_type>1</allow_experimental_low_cardinality_type>
                      <log_queries>1</log_queries>
                    </default>
                  </profiles>
                  <users>
                    <default>
                      <password></password>
                      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                      <profile>default</profile>
                      <quota>default</quota>
                    </default>
                  </users>
                  <quotas>
                    <default>
                      <interval>
                        <duration>3600</duration>
                        <queries>0</queries>
                        <errors>0</errors>
                        <result_rows>0</result_rows>
                        <read_rows>0</read_rows>
                        <execution_time>0</execution_time>
                      </interval>
                    </default>
                  </quotas>
                </yandex>
                """;
    }

    static String xmlText(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
