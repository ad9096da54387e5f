package io.pulseboard.ingest;

import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.api.v1alpha1.FieldType;
import java.util.List;

/** Pipelines for unit tests. */
public final class TestingPipelines {
  /** One column of every type, some nested, some optional. */
  public static final List<ColumnSpec> ALL_TYPES = List.of(
      new ColumnSpec("country", FieldType.string, "country", false, true),
      new ColumnSpec("platform", FieldType.string, "device.platform", true, true),
      new ColumnSpec("amount", FieldType.float64, "amount", false, false),
      new ColumnSpec("qty", FieldType.int64, "qty", true, false),
      new ColumnSpec("vip", FieldType.bool, "vip", true, false),
      new ColumnSpec("shipped_at", FieldType.datetime, "meta.shipping.at", true, false));

  private TestingPipelines() {}

  public static IngestPipeline pipeline(List<ColumnSpec> columns, long latenessMillis, int maxRows, long maxBytes, long maxDelayMillis) {
    return new IngestPipeline("checkout", "shop", 1, "127.0.0.1:9092", "shop.checkout", "shop.checkout.dlq",
        "pulseboard-shop-checkout", "earliest", "shop", "checkout_raw", "ts", latenessMillis, columns,
        maxRows, maxBytes, maxDelayMillis);
  }

  public static IngestPipeline allTypes() {
    return pipeline(ALL_TYPES, 3_600_000, 1000, 1 << 20, 500);
  }
}
