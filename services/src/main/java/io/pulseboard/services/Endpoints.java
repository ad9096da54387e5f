package io.pulseboard.services;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the services of a test run or of local mode listen: the JSON file {@code ./pulseboard test} hands to every
 * test JVM, and {@code ./pulseboard up} writes to .pulseboard/endpoints.json.
 *
 * @param clickhouseHttp ClickHouse HTTP URL, {@code http://127.0.0.1:PORT}
 * @param kafkaBootstrap Kafka bootstrap servers, {@code 127.0.0.1:PORT}
 * @param redis          Redis URI, {@code redis://127.0.0.1:PORT}
 */
public record Endpoints(String clickhouseHttp, String kafkaBootstrap, String redis) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the file atomically, so a reader that waits for it to appear never sees half of it. */
    public void write(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        JSON.writeValue(temporary.toFile(), this);
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Endpoints read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Endpoints.class);
    }
}
