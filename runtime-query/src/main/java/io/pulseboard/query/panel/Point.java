package io.pulseboard.query.panel;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * One bucket of a series, written as {@code [bucket start ms, value]}. Integral values stay integers
 * (counts print as {@code 12}, not {@code 12.0}) and every value is a Long or a Double, so two points
 * compare equal exactly when their JSON is the same.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"t", "v"})
public record Point(long t, Number v) {
  public Point {
    v = normalize(v);
  }

  private static Number normalize(Number v) {
    if (v == null || v instanceof Long || v instanceof Double) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return v.longValue();
    }
    if (v instanceof BigInteger big && big.bitLength() < 64) {
      return big.longValue();
    }
    if (v instanceof BigDecimal dec && dec.stripTrailingZeros().scale() <= 0 && dec.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
      return dec.longValue();
    }
    return v.doubleValue();
  }
}
