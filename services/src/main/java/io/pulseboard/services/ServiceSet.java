package io.pulseboard.services;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** ClickHouse, Kafka and Redis together, each in its own subdirectory of one work directory. */
public final class ServiceSet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceSet.class);

    private final ClickHouseProcess clickHouse;
    private final KafkaProcess kafka;
    private final RedisProcess redis;

    private ServiceSet(ClickHouseProcess clickHouse, KafkaProcess kafka, RedisProcess redis) {
        this.clickHouse = clickHouse;
        this.kafka = kafka;
        this.redis = redis;
    }

    public static ServiceSet start(Path workDir) throws IOException {
        return start(workDir, new StartupListener() {
            @Override
            public void starting(String service) {
                LOG.info("starting {} in {}", service, workDir);
            }

            @Override
            public void ready(String service, String endpoint, long pid, Duration took) {
                LOG.info("{} ready on {} (PID {}) in {} ms", service, endpoint, pid, took.toMillis());
            }
        });
    }

    /** Starts the three one after the other; when one fails, the ones already running are stopped. */
    public static ServiceSet start(Path workDir, StartupListener listener) throws IOException {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            listener.starting("ClickHouse");
            long t0 = System.nanoTime();
            ClickHouseProcess clickHouse = ClickHouseProcess.start(workDir.resolve("clickhouse"));
            started.add(clickHouse);
            listener.ready("ClickHouse", clickHouse.httpUrl(), clickHouse.pid(), since(t0));

            listener.starting("Redis");
            long t1 = System.nanoTime();
            RedisProcess redis = RedisProcess.start(workDir.resolve("redis"));
            started.add(redis);
            listener.ready("Redis", redis.uri(), redis.pid(), since(t1));

            listener.starting("Kafka");
            long t2 = System.nanoTime();
            KafkaProcess kafka = KafkaProcess.start(workDir.resolve("kafka"));
            started.add(kafka);
            listener.ready("Kafka", kafka.bootstrapServers(), kafka.pid(), since(t2));

            return new ServiceSet(clickHouse, kafka, redis);
        } catch (IOException | RuntimeException e) {
            Collections.reverse(started);
            closeAll(started, e);
            throw e;
        }
    }

    public ClickHouseProcess clickHouse() {
        return clickHouse;
    }

    public KafkaProcess kafka() {
        return kafka;
    }

    public RedisProcess redis() {
        return redis;
    }

    public Endpoints endpoints() {
        return new Endpoints(clickHouse.httpUrl(), kafka.bootstrapServers(), redis.uri());
    }

    /** PIDs of the running server processes. */
    public List<Long> pids() {
        return List.of(clickHouse.pid(), kafka.pid(), redis.pid());
    }

    /** Stops all three, even when one of them fails to stop. */
    @Override
    public void close() {
        RuntimeException failure = new IllegalStateException("stopping the services failed");
        closeAll(List.of(kafka, redis, clickHouse), failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private static void closeAll(List<? extends AutoCloseable> services, Exception collector) {
        for (AutoCloseable service : services) {
            try {
                service.close();
            } catch (Exception e) {
                collector.addSuppressed(e);
            }
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
