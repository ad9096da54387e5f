package io.pulseboard.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;

/**
 * {@code .pulseboard/endpoints.json}, written once everything is ready: {@code ./pulseboard up -d} waits for it,
 * tests and scripts read it.
 *
 * @param dashboardUrl the quickstart dashboard, {@code http://127.0.0.1:PORT/}
 * @param kafkaBootstrap Kafka bootstrap servers
 * @param clickhouseHttp ClickHouse HTTP URL
 * @param redis Redis URI
 * @param kubeconfig kubeconfig of the embedded API server
 */
public record LocalEndpoints(String dashboardUrl, String kafkaBootstrap, String clickhouseHttp, String redis,
    String kubeconfig) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  void write(Path file) {
    try {
      StateFiles.write(file, JSON.writeValueAsString(this) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
