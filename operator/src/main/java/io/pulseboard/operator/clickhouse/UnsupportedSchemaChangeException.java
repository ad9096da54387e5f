package io.pulseboard.operator.clickhouse;

import java.util.List;

/** The existing tables differ from the spec in a way the operator does not change (yet). */
public class UnsupportedSchemaChangeException extends RuntimeException {
  private final List<String> differences;

  public UnsupportedSchemaChangeException(List<String> differences) {
    super("the existing tables differ from the spec and changing them is not supported yet: "
        + String.join("; ", differences));
    this.differences = List.copyOf(differences);
  }

  public List<String> differences() {
    return differences;
  }
}
