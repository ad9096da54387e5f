package io.pulseboard.operator.clickhouse;

import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.MeasureFunctions;

/**
 * The rollup column of one measure.
 *
 * @param name column name, the measure's name
 * @param functions the measure's aggregate functions
 * @param argument the raw column the aggregate reads, null for count
 * @param argumentType the ClickHouse type of that column without LowCardinality, null for count
 */
public record MeasureColumn(String name, MeasureFunctions functions, String argument, String argumentType) {

  public Column column() {
    return new Column(name, functions.stateType(argumentType));
  }

  /** The expression that builds this column's state from raw rows, such as {@code sumState(`amount`)}. */
  public String stateExpression() {
    return functions.stateExpression(argument == null ? "" : Identifiers.quote(argument));
  }
}
