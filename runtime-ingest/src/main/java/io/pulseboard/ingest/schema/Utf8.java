package io.pulseboard.ingest.schema;

/**
 * Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). Done
 * before parsing so invalid text is reported as such and never reaches ClickHouse as a String.
 */
final class Utf8 {
  private Utf8() {}

  /** Index of the first byte that starts an invalid sequence, or -1 when all of {@code bytes} is valid. */
  static int firstInvalid(byte[] bytes) {
    int i = 0;
    int n = bytes.length;
    while (i < n) {
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
