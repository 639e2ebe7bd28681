package io.newsstream.schemas.serde;

/** Constants of the Confluent Schema Registry wire format. */
final class WireFormat {

  /** Byte 0 of every value: format version. */
  static final byte MAGIC_BYTE = 0x0;

  /** Magic byte plus the 4-byte big-endian schema id. */
  static final int HEADER_SIZE = 5;

  private WireFormat() {}

  static String subject(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }
}
