package io.pulseboard.ingest.clickhouse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with the ClickHouse RowBinary encodings: little-endian fixed-width numbers and
 * strings as an unsigned LEB128 length followed by UTF-8 bytes.
 */
public final class RowBinaryBuffer {
  private byte[] bytes;
  private int size;

  public RowBinaryBuffer(int initialCapacity) {
    bytes = new byte[Math.max(16, initialCapacity)];
  }

  public int size() {
    return size;
  }

  public void clear() {
    size = 0;
  }

  public void writeUInt8(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  public void writeInt32(int value) {
    ensure(4);
    bytes[size] = (byte) value;
    bytes[size + 1] = (byte) (value >>> 8);
    bytes[size + 2] = (byte) (value >>> 16);
    bytes[size + 3] = (byte) (value >>> 24);
    size += 4;
  }

  /** UInt32 from the low 32 bits of {@code value}; DateTime is stored this way, in epoch seconds. */
  public void writeUInt32(long value) {
    writeInt32((int) value);
  }

  public void writeInt64(long value) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      bytes[size + i] = (byte) (value >>> (8 * i));
    }
    size += 8;
  }

  public void writeFloat64(double value) {
    writeInt64(Double.doubleToRawLongBits(value));
  }

  public void writeString(String value) {
    int length = value.length();
    boolean ascii = true;
    for (int i = 0; i < length && ascii; i++) {
      ascii = value.charAt(i) < 0x80;
    }
    if (ascii) {
      writeVarUInt(length);
      ensure(length);
      for (int i = 0; i < length; i++) {
        bytes[size + i] = (byte) value.charAt(i);
      }
      size += length;
    } else {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      writeVarUInt(utf8.length);
      write(utf8, 0, utf8.length);
    }
  }

  public void writeVarUInt(long value) {
    ensure(10);
    long v = value;
    while ((v & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[size++] = (byte) v;
  }

  /** Appends a range of another buffer, used to rebuild a batch without some of its rows. */
  public void append(RowBinaryBuffer other, int from, int to) {
    write(other.bytes, from, to - from);
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  /** Writes the bytes from {@code from} (inclusive) to {@code to} (exclusive). */
  public void writeTo(OutputStream out, int from, int to) throws IOException {
    out.write(bytes, from, to - from);
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void write(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  private void ensure(int extra) {
    if (size + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
    }
  }
}
