package io.pulseboard.operator.clickhouse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a stream's ClickHouse objects to its schema: checks that existing tables have the expected
 * columns, then runs the DDL when any table or view is missing. When everything exists a reconcile costs
 * two catalogue reads and no DDL.
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
   * @return the names of the tables and views that were missing before
   * @throws UnsupportedSchemaChangeException when an existing table has other columns than the schema
   */
  public List<String> apply(ClickHouseConnection connection, StreamSchema schema) {
    Map<String, List<Column>> existing = clickhouse.columns(connection, schema.database());
    List<String> differences = SchemaDrift.differences(schema, existing);
    if (!differences.isEmpty()) {
      throw new UnsupportedSchemaChangeException(differences);
    }
    Set<String> tables = clickhouse.tables(connection, schema.database());
    List<String> missing = schema.objectNames().stream().filter(name -> !tables.contains(name)).toList();
    if (!missing.isEmpty()) {
      LOG.info("Creating {} in database {} on {}", missing, schema.database(), connection.url());
      clickhouse.execute(connection, ddl.statements(schema));
    }
    return missing;
  }
}
