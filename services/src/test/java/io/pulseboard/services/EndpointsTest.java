package io.pulseboard.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointsTest {

    @Test
    void fileWrittenByOneProcessReadsBackTheSame(@TempDir Path dir) throws Exception {
        Endpoints endpoints = new Endpoints("http://127.0.0.1:8123", "127.0.0.1:9092", "redis://127.0.0.1:6379");
        Path file = dir.resolve("endpoints.json");

        endpoints.write(file);

        assertThat(Endpoints.read(file)).isEqualTo(endpoints);
        assertThat(Files.readString(file)).contains("\"clickhouseHttp\" : \"http://127.0.0.1:8123\"");
        assertThat(dir.resolve("endpoints.json.tmp")).doesNotExist();
    }
}
