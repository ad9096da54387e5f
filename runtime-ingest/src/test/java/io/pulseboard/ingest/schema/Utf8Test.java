package io.pulseboard.ingest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {
  @Test
  void acceptsEveryEncodingLength() {
    assertThat(Utf8.firstInvalid("a ä € 𝄞 \u0000".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    assertThat(Utf8.firstInvalid(bytes(0xF4, 0x8F, 0xBF, 0xBF))).isEqualTo(-1); // U+10FFFF
  }

  @Test
  void rejectsBrokenSequencesAtTheirFirstByte() {
    assertThat(Utf8.firstInvalid(bytes('a', 0x80))).as("lone continuation").isEqualTo(1);
    assertThat(Utf8.firstInvalid(bytes('a', 'b', 0xE2, 0x82))).as("truncated").isEqualTo(2);
    assertThat(Utf8.firstInvalid(bytes(0xC3, 'a'))).as("missing continuation").isEqualTo(0);
    assertThat(Utf8.firstInvalid(bytes(0xC0, 0xAF))).as("overlong 2 bytes").isEqualTo(0);
    assertThat(Utf8.firstInvalid(bytes(0xE0, 0x80, 0xAF))).as("overlong 3 bytes").isEqualTo(0);
    assertThat(Utf8.firstInvalid(bytes(0xED, 0xA0, 0x80))).as("surrogate").isEqualTo(0);
    assertThat(Utf8.firstInvalid(bytes(0xF4, 0x90, 0x80, 0x80))).as("above U+10FFFF").isEqualTo(0);
    assertThat(Utf8.firstInvalid(bytes(0xFF))).as("never valid").isEqualTo(0);
  }

  @Test
  void findsABadByteAnywhereInALongAsciiText() {
    byte[] valid = "{\"country\":\"de\",\"n\":1}".getBytes(StandardCharsets.US_ASCII);
    assertThat(Utf8.firstInvalid(valid)).isEqualTo(-1);
    for (int at = 0; at < valid.length; at++) {
      byte[] text = valid.clone();
      text[at] = (byte) 0xFF;
      assertThat(Utf8.firstInvalid(text)).as("0xFF at %d", at).isEqualTo(at);
    }
    assertThat(Utf8.firstInvalid("{\"country\":\"äääää\",\"n\":1}".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
