package io.pulseboard.operator.kafka;

/** Kafka could not be reached or refused a request. */
public class KafkaUnavailableException extends RuntimeException {
  public KafkaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
