package io.pulseboard.operator.clickhouse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a stream's ClickHouse objects to its schema: checks that existing tables have the expected
 * columns, then runs the DDL when any table or view is missing. When everything exists a reconcile costs
 * three small reads (version and catalogue) and no DDL. The server version is where a dialect for modern
 * servers will be chosen; today every server gets the floor dialect, whose DDL modern servers accept too.
 */
public final class SchemaApplier {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaApplier.class);

  private final ClickHouseService clickhouse;
  private final DdlGenerator ddl;

  public SchemaApplier(ClickHouseService clickhouse, DdlGenerator ddl) {
    this.clickhouse = clickhouse;
    this.ddl = ddl;
  }

  /**
   * Creates what is missing.
   *
   * @return the server's version
   * @throws UnsupportedSchemaChangeException when an existing table has other columns than the schema
   */
  public String apply(ClickHouseConnection connection, StreamSchema schema) {
    String version = clickhouse.serverVersion(connection);
    Map<String, List<Column>> existing = clickhouse.columns(connection, schema.database());
    List<String> differences = SchemaDrift.differences(schema, existing);
    if (!differences.isEmpty()) {
      throw new UnsupportedSchemaChangeException(differences);
    }
    Set<String> tables = clickhouse.tables(connection, schema.database());
    List<String> missing = schema.objectNames().stream().filter(name -> !tables.contains(name)).toList();
    if (!missing.isEmpty()) {
      LOG.info("Creating {} in database {} on ClickHouse {} at {}", missing, schema.database(), version,
          connection.url());
      clickhouse.execute(connection, ddl.statements(schema));
    }
    return version;
  }
}
