package io.pulseboard.query.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.query.ClickHouseHttp;
import io.pulseboard.services.SharedServices;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What ClickHouse itself reads from the literals: exactly the value, whatever it holds. */
class SqlLiteralsIT {
  private final ClickHouseHttp clickhouse = new ClickHouseHttp(SharedServices.endpoints().clickhouseHttp());

  @Test
  void clickHouseReadsEveryStringBackUnchanged() {
    List<String> values = List.of("it's", "\\' OR 1=1 --", "x'); DROP TABLE t; --", "/* c */", "a\u0000b\nc\td\u001b\u007f",
        "fullwidth\uFF07quote", "emoji 😀", "\\", "''", "München");

    for (String value : values) {
      String read = clickhouse.rows("SELECT " + SqlLiterals.of(FieldType.string, value) + " AS s FORMAT JSONEachRow")
          .get(0).path("s").asString();
      assertThat(read).as("literal %s", SqlLiterals.of(FieldType.string, value)).isEqualTo(value);
    }
  }

  @Test
  void clickHouseReadsNumbersAndTimesAsParsed() {
    String sql = "SELECT " + SqlLiterals.of(FieldType.int64, "-9223372036854775808") + " AS i, "
        + SqlLiterals.of(FieldType.float64, "1e10") + " AS f, "
        + SqlLiterals.of(FieldType.float64, "-0.125") + " AS g, "
        + "toUInt32(" + SqlLiterals.of(FieldType.datetime, "2024-05-01T10:00:00Z") + ") AS d FORMAT JSONEachRow";

    var row = clickhouse.rows(sql).get(0);

    assertThat(row.path("i").asString()).isEqualTo("-9223372036854775808");
    assertThat(row.path("f").asDouble()).isEqualTo(1e10);
    assertThat(row.path("g").asDouble()).isEqualTo(-0.125);
    assertThat(row.path("d").asLong()).isEqualTo(1714557600L);
  }
}
