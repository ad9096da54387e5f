package io.pulseboard.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Starts its own ServiceSet (the one IT that must: it checks start and stop) and talks to each server. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceSetIT {

    @TempDir
    static Path workDir;
    private static ServiceSet services;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        services = ServiceSet.start(workDir);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Test
    @Order(1)
    void clickHouseAnswersSqlOverHttp() throws Exception {
        assertThat(clickHouse("SELECT 1")).isEqualTo("1\n");
        assertThat(clickHouse("SELECT value FROM system.settings WHERE name = 'allow_experimental_low_cardinality_type'"))
                .isEqualTo("1\n");
    }

    @Test
    @Order(2)
    void kafkaDeliversWhatWasProduced() throws Exception {
        String bootstrap = services.endpoints().kafkaBootstrap();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("round-trip", 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("round-trip", "k", "hello")).get();
        }
        assertThat(consumeAll(bootstrap, "round-trip", 1)).containsExactly("hello");
    }

    @Test
    @Order(3)
    void redisStoresAndReturnsAValue() throws Exception {
        assertThat(redis("SET", "greeting", "hello")).isEqualTo("+OK\r\n");
        assertThat(redis("GET", "greeting")).isEqualTo("$5\r\nhello\r\n");
    }

    @Test
    @Order(4)
    void clickHouseRestartKeepsPortAndData() throws Exception {
        clickHouse("CREATE TABLE default.kept (n UInt8) ENGINE = MergeTree ORDER BY n");
        clickHouse("INSERT INTO default.kept VALUES (7)");
        long oldPid = services.clickHouse().pid();

        services.clickHouse().stop();
        assertThat(ProcessHandle.of(oldPid)).isEmpty();
        services.clickHouse().restart();

        assertThat(clickHouse("SELECT n FROM default.kept")).isEqualTo("7\n");
    }

    @Test
    @Order(5)
    void kafkaRestartKeepsTopicsAndRecords() throws Exception {
        services.kafka().restart();
        assertThat(consumeAll(services.endpoints().kafkaBootstrap(), "round-trip", 1)).containsExactly("hello");
    }

    @Test
    @Order(6)
    void closeLeavesNoServerProcessAlive() {
        List<Long> pids = services.pids();
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isPresent());
        assertThat(ProcessHandle.of(services.clickHouse().pid()).flatMap(p -> p.info().command()))
                .hasValueSatisfying(command -> assertThat(command).endsWith("clickhouse-server"));

        services.close();

        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }

    private static String clickHouse(String sql) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(services.endpoints().clickhouseHttp() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(sql)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static List<String> consumeAll(String bootstrap, String topic, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= expected;
            });
        }
        return values;
    }

    /** One command in RESP, the reply as the raw bytes Redis sent. */
    private static String redis(String... command) throws IOException {
        StringBuilder request = new StringBuilder("*" + command.length + "\r\n");
        for (String part : command) {
            request.append('$').append(part.length()).append("\r\n").append(part).append("\r\n");
        }
        URI uri = URI.create(services.endpoints().redis());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[256];
            int read = in.read(buffer);
            return new String(buffer, 0, read, StandardCharsets.UTF_8);
        }
    }
}
