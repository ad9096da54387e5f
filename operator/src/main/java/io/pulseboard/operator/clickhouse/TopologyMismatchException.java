package io.pulseboard.operator.clickhouse;

/**
 * The connection names a cluster but the stream's tables were created on a single server, or the other way
 * round. Tables are not moved between the two (that would mean copying every row), and treating one
 * layout as the other would drop or alter the wrong tables; nothing was run.
 */
public class TopologyMismatchException extends RuntimeException {
  public TopologyMismatchException(String message) {
    super(message);
  }
}
