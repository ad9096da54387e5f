package io.pulseboard.ingest.clickhouse;

import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.ingest.schema.ParsedEvent;
import java.util.List;

/** Writes one raw-table row in RowBinary, in the column order of {@link RawColumns#quoted}. */
public final class RowEncoder {
  private final FieldType[] types;
  private final int schemaVersion;

  public RowEncoder(List<ColumnSpec> columns, int schemaVersion) {
    this.types = columns.stream().map(ColumnSpec::type).toArray(FieldType[]::new);
    this.schemaVersion = schemaVersion;
  }

  public void encode(ParsedEvent event, int partition, long offset, long ingestedAtSeconds, RowBinaryBuffer out) {
    out.writeUInt32(Math.floorDiv(event.timeMillis(), 1000L));
    Object[] values = event.values();
    for (int i = 0; i < types.length; i++) {
      Object value = values[i];
      switch (types[i]) {
        case string -> out.writeString((String) value);
        case int64 -> out.writeInt64((Long) value);
        case float64 -> out.writeFloat64((Double) value);
        case bool -> out.writeUInt8((Boolean) value ? 1 : 0);
        case datetime -> out.writeUInt32((Long) value);
      }
    }
    out.writeInt32(partition);
    out.writeInt64(offset);
    out.writeUInt32(ingestedAtSeconds);
    out.writeUInt32(schemaVersion);
  }
}
