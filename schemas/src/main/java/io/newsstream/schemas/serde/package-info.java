/**
 * Avro serializer, deserializer and Kafka Streams serde in the Confluent Schema Registry wire
 * format (byte 0 = 0x00, bytes 1..4 = big-endian schema id, then Avro binary), with
 * TopicNameStrategy subjects and Confluent's configuration keys, plus the registry client they
 * use. Any Confluent-compatible registry or client interoperates with them; they fail loudly with
 * a {@link org.apache.kafka.common.errors.SerializationException} rather than guess.
 */
package io.newsstream.schemas.serde;
