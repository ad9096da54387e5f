package io.pulseboard.operator.clickhouse;

import java.util.List;

/** The spec asks for a change only destructive DDL could make (a type change, a removed column); nothing was run. */
public class UnsafeSchemaChangeException extends RuntimeException {
  private final List<String> differences;

  public UnsafeSchemaChangeException(List<String> differences) {
    super("the spec asks for changes that would need destructive DDL, so none were made: "
        + String.join("; ", differences));
    this.differences = List.copyOf(differences);
  }

  public List<String> differences() {
    return differences;
  }
}
