package io.pulseboard.ingest.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RowBinaryBufferTest {
  @Test
  void stringsAreVarintLengthThenUtf8() {
    assertThat(encode(b -> b.writeString("de"))).containsExactly(0x02, 'd', 'e');
    assertThat(encode(b -> b.writeString(""))).containsExactly(0x00);
    assertThat(encode(b -> b.writeString("ä€"))).containsExactly(0x05, 0xC3, 0xA4, 0xE2, 0x82, 0xAC);
  }

  @Test
  void longStringsGetMultiByteLengths() {
    byte[] bytes = encode(b -> b.writeString("x".repeat(300)));

    assertThat(bytes).hasSize(302);
    assertThat(new byte[] {bytes[0], bytes[1]}).containsExactly(0xAC, 0x02); // 300 = 0b10_0101100
  }

  @Test
  void varintsAreUnsignedLeb128() {
    assertThat(encode(b -> b.writeVarUInt(127))).containsExactly(0x7F);
    assertThat(encode(b -> b.writeVarUInt(128))).containsExactly(0x80, 0x01);
    assertThat(encode(b -> b.writeVarUInt(16_384))).containsExactly(0x80, 0x80, 0x01);
  }

  @Test
  void int64IsLittleEndianTwosComplement() {
    assertThat(encode(b -> b.writeInt64(0x0102030405060708L))).containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
    assertThat(encode(b -> b.writeInt64(-2))).containsExactly(0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
  }

  @Test
  void float64IsLittleEndianIeee754() {
    assertThat(encode(b -> b.writeFloat64(1.5))).containsExactly(0, 0, 0, 0, 0, 0, 0xF8, 0x3F);
    assertThat(encode(b -> b.writeFloat64(-0.1))).containsExactly(0x9A, 0x99, 0x99, 0x99, 0x99, 0x99, 0xB9, 0xBF);
  }

  @Test
  void boolIsOneByte() {
    assertThat(encode(b -> {
      b.writeUInt8(1);
      b.writeUInt8(0);
    })).containsExactly(1, 0);
  }

  @Test
  void dateTimeIsUInt32SecondsEvenPast2038() {
    assertThat(encode(b -> b.writeUInt32(1_714_564_800L))).containsExactly(0xC0, 0x2E, 0x32, 0x66);
    assertThat(encode(b -> b.writeUInt32(4_294_967_295L))).containsExactly(0xFF, 0xFF, 0xFF, 0xFF);
  }

  @Test
  void int32IsLittleEndian() {
    assertThat(encode(b -> b.writeInt32(258))).containsExactly(2, 1, 0, 0);
    assertThat(encode(b -> b.writeInt32(-1))).containsExactly(0xFF, 0xFF, 0xFF, 0xFF);
  }

  @Test
  void growsBeyondItsInitialCapacity() {
    RowBinaryBuffer buffer = new RowBinaryBuffer(16);
    for (int i = 0; i < 1000; i++) {
      buffer.writeInt64(i);
    }
    assertThat(buffer.size()).isEqualTo(8000);
    assertThat(buffer.toByteArray()[8 * 999]).isEqualTo((byte) 999);
  }

  private static byte[] encode(Consumer<RowBinaryBuffer> writes) {
    RowBinaryBuffer buffer = new RowBinaryBuffer(16);
    writes.accept(buffer);
    return buffer.toByteArray();
  }
}
