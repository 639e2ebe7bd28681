package io.newsstream.processor.dedup;

import java.io.UTFDataFormatException;
import java.util.Arrays;

/**
 * Writes the dedup state formats into a growable byte array, byte for byte as {@link
 * java.io.DataOutputStream} would (big-endian numbers, modified UTF-8 strings), without its
 * per-byte stream calls: the state is written for every probe, verdict and index entry.
 */
final class StateOutput {

  private byte[] buf;
  private int size;

  StateOutput(int capacity) {
    buf = new byte[capacity];
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }

  void writeByte(int v) {
    ensure(1);
    buf[size++] = (byte) v;
  }

  void writeBoolean(boolean v) {
    writeByte(v ? 1 : 0);
  }

  void writeShort(int v) {
    ensure(2);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  void writeInt(int v) {
    ensure(4);
    buf[size++] = (byte) (v >>> 24);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  /** Overwrites the four bytes at {@code position} (a length written before its contents). */
  void setInt(int position, int v) {
    buf[position] = (byte) (v >>> 24);
    buf[position + 1] = (byte) (v >>> 16);
    buf[position + 2] = (byte) (v >>> 8);
    buf[position + 3] = (byte) v;
  }

  void writeLong(long v) {
    writeInt((int) (v >>> 32));
    writeInt((int) v);
  }

  void write(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  /** As {@link java.io.DataOutputStream#writeUTF}: a two-byte length, then modified UTF-8. */
  void writeUTF(String s) throws UTFDataFormatException {
    int chars = s.length();
    int length = chars;
    for (int i = 0; i < chars; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || c == 0) {
        length += c >= 0x800 ? 2 : 1;
      }
    }
    if (length > 0xFFFF) {
      throw new UTFDataFormatException("string too long to write: " + length + " bytes");
    }
    ensure(2 + length);
    buf[size++] = (byte) (length >>> 8);
    buf[size++] = (byte) length;
    for (int i = 0; i < chars; i++) {
      char c = s.charAt(i);
      if (c != 0 && c < 0x80) {
        buf[size++] = (byte) c;
      } else if (c < 0x800) {
        buf[size++] = (byte) (0xC0 | (c >> 6));
        buf[size++] = (byte) (0x80 | (c & 0x3F));
      } else {
        buf[size++] = (byte) (0xE0 | (c >> 12));
        buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[size++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }

  int size() {
    return size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }
}
