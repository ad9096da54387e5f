package io.pulseboard.api.pipeline;

import io.pulseboard.api.v1alpha1.Aggregate;
import java.util.List;

/**
 * A measure as the query service reads it.
 *
 * @param name measure name, also its rollup column
 * @param aggregate the aggregate
 * @param field raw column the aggregate reads, null for count
 * @param quantiles the quantile levels of a quantiles measure, else empty
 */
public record MeasureContract(String name, Aggregate aggregate, String field, List<Double> quantiles) {
  public MeasureContract {
    quantiles = quantiles == null ? List.of() : List.copyOf(quantiles);
  }
}
