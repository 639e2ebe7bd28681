package io.newsstream.processor.dedup;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link StateOutput} (or {@link java.io.DataOutputStream}) wrote, straight from the
 * array; reading past its end throws {@link EOFException}, as {@link DataInputStream} does.
 */
final class StateInput {

  private final byte[] buf;
  private int pos;

  StateInput(byte[] buf) {
    this.buf = buf;
  }

  private void need(int n) throws EOFException {
    if (n < 0 || pos + n > buf.length) {
      throw new EOFException("dedup state ends after " + buf.length + " bytes, " + n + " more needed at " + pos);
    }
  }

  byte readByte() throws EOFException {
    need(1);
    return buf[pos++];
  }

  int readUnsignedByte() throws EOFException {
    return readByte() & 0xFF;
  }

  boolean readBoolean() throws EOFException {
    return readByte() != 0;
  }

  short readShort() throws EOFException {
    return (short) readUnsignedShort();
  }

  int readUnsignedShort() throws EOFException {
    need(2);
    int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
    pos += 2;
    return v;
  }

  int readInt() throws EOFException {
    need(4);
    int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
    pos += 4;
    return v;
  }

  long readLong() throws EOFException {
    return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
  }

  void readFully(byte[] into) throws EOFException {
    need(into.length);
    System.arraycopy(buf, pos, into, 0, into.length);
    pos += into.length;
  }

  void skipNBytes(int n) throws EOFException {
    need(n);
    pos += n;
  }

  int position() {
    return pos;
  }

  /** Moves to {@code position}, at most the end (past a nested value of a known length). */
  void seek(int position) throws EOFException {
    if (position < 0 || position > buf.length) {
      throw new EOFException("dedup state ends after " + buf.length + " bytes, position " + position + " wanted");
    }
    pos = position;
  }

  /** As {@link DataInputStream#readUTF}. */
  String readUTF() throws IOException {
    int length = readUnsignedShort();
    need(length);
    for (int i = 0; i < length; i++) {
      if (buf[pos + i] <= 0) {
        // Not plain ASCII (or a NUL written as two bytes): the JDK's decoder, with its checks.
        pos -= 2;
        String s = new DataInputStream(new ByteArrayInputStream(buf, pos, length + 2)).readUTF();
        pos += length + 2;
        return s;
      }
    }
    String s = new String(buf, pos, length, StandardCharsets.ISO_8859_1);
    pos += length;
    return s;
  }
}
