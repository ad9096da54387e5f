package io.pulseboard.operator.clickhouse;

/** A column by name and ClickHouse type, written the way system.columns reports it. */
public record Column(String name, String type) {}
