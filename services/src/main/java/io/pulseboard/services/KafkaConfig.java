package io.pulseboard.services;

import java.nio.file.Path;

/** server.properties and the log4j2 configuration of a single-node KRaft broker on loopback. */
final class KafkaConfig {

    private KafkaConfig() {
    }

    static String serverProperties(Path logDir, int port, int controllerPort) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%3$d
                listeners=PLAINTEXT://127.0.0.1:%2$d,CONTROLLER://127.0.0.1:%3$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%2$d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%1$s
                # One node: every internal topic has one replica.
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=10
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                min.insync.replicas=1
                # Tests join consumer groups all the time; the default 3 s delay would slow each one down.
                group.initial.rebalance.delay.ms=0
                num.partitions=3
                # Topics are created on purpose (by the operator or a test), never by a typo in a client.
                auto.create.topics.enable=false
                """.formatted(logDir, port, controllerPort);
    }

    static String log4j2Properties(Path logFile) {
        return """
                status = warn
                appender.file.type = File
                appender.file.name = file
                appender.file.fileName = %s
                appender.file.layout.type = PatternLayout
                appender.file.layout.pattern = [%%d] %%p %%m (%%c)%%n
                rootLogger.level = info
                rootLogger.appenderRef.file.ref = file
                logger.request.name = kafka.request.logger
                logger.request.level = warn
                """.formatted(logFile);
    }
}
