package io.pulseboard.query.deep;

import io.pulseboard.api.v1alpha1.FilterOp;
import io.pulseboard.api.v1alpha1.PanelSpec;
import io.pulseboard.query.TestingPipelines;
import java.util.ArrayList;
import java.util.List;

/**
 * Filter values that break naive SQL building, each the only value of an {@code IN} filter of one panel
 * ({@code n0}, {@code n1}, ...): quotes, backslashes, comments, controls and unicode look-alikes.
 */
final class NastyValues {
  static final String PREFIX = "n";
  static final List<String> VALUES = List.of(
      "it's",
      "'",
      "\\",
      "\\'",
      "a\\\\'b",
      "x' OR '1'='1",
      "de') OR 1=1 --",
      "'; DROP TABLE checkout_raw; --",
      "/* comment */ de",
      "de -- comment",
      "de # comment",
      "line\nbreak\r\ttab",
      "nul\u0000byte",
      "\u02BCmodifier apostrophe\u02BC",
      "\uFF07fullwidth quote\uFF07",
      "\u2018curly\u2019",
      "rtl \u202Eedoc\u202C",
      "line sep \u2028 para \u2029",
      "d\u0435",
      "e\u0301 vs \u00E9",
      "emoji \uD83D\uDE00",
      "\\x27 and \\u0027",
      "%27 and &#39;",
      "{p:String}",
      "$1 ? :x",
      " ",
      "");

  private NastyValues() {}

  static List<PanelSpec> panels() {
    List<PanelSpec> panels = new ArrayList<>();
    for (int i = 0; i < VALUES.size(); i++) {
      panels.add(TestingPipelines.panel(PREFIX + i, "events", List.of(), null,
          List.of(TestingPipelines.filter("country", FilterOp.in, VALUES.get(i)))));
    }
    // Refused, not truncated: over 1,024 characters, and an unpaired surrogate.
    panels.add(TestingPipelines.panel("oversized", "events", List.of(), null,
        List.of(TestingPipelines.filter("country", FilterOp.in, "'".repeat(1_025)))));
    panels.add(TestingPipelines.panel("surrogate", "events", List.of(), null,
        List.of(TestingPipelines.filter("country", FilterOp.in, "half \uD800"))));
    panels.add(TestingPipelines.panel("typed", "events", List.of(), null,
        List.of(TestingPipelines.filter("tier", FilterOp.in, "1) OR (1=1"))));
    return panels;
  }
}
