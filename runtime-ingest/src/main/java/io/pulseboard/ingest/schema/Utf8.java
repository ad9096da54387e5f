package io.pulseboard.ingest.schema;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). Done
 * before parsing so invalid text is reported as such and never reaches ClickHouse as a String.
 */
final class Utf8 {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8() {}

  /** Index of the first byte that starts an invalid sequence, or -1 when all of {@code bytes} is valid. */
  static int firstInvalid(byte[] bytes) {
    int i = 0;
    int n = bytes.length;
    while (i < n) {
      // Events are mostly ASCII: skip eight such bytes at a time.
      if (i + 8 <= n && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
        i += 8;
        continue;
      }
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      int lead = b & 0xff;
      int length;
      int min;
      if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
        min = 0x80;
      } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        min = 0x800;
      } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        min = 0x10000;
      } else {
        return i;
      }
      if (i + length > n) {
        return i;
      }
      int cp = lead & (0xff >> (length + 1));
      for (int k = 1; k < length; k++) {
        int c = bytes[i + k] & 0xff;
        if ((c & 0xc0) != 0x80) {
          return i;
        }
        cp = (cp << 6) | (c & 0x3f);
      }
      if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return i;
      }
      i += length;
    }
    return -1;
  }
}
