package io.pulseboard.operator.clickhouse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a stream's ClickHouse objects to its schema: checks that existing tables have the expected
 * columns, then runs the DDL when any table or view is missing. When everything exists a reconcile costs
 * three small reads (version and catalogue) and no DDL. The server version picks the dialect
 * ({@link Dialects}): TTL and codecs on 23.8 and later, the floor dialect on older servers.
 */
public final class SchemaApplier {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaApplier.class);

  private final ClickHouseService clickhouse;

  public SchemaApplier(ClickHouseService clickhouse) {
    this.clickhouse = clickhouse;
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
      clickhouse.execute(connection, new DdlGenerator(Dialects.forVersion(version)).statements(schema));
    }
    return version;
  }
}
