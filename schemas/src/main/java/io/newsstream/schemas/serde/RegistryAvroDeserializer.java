package io.newsstream.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads values in the Confluent Schema Registry wire format: checks the magic byte, fetches the
 * writer schema by id, decodes the Avro binary and checks that nothing is left over. With {@code
 * specific.avro.reader=true} (or a target class) it returns generated records, resolving the
 * writer schema against the reader's; otherwise {@code GenericRecord}s. Every malformed input is
 * a {@link SerializationException} that says what is wrong; nothing is guessed.
 */
public class RegistryAvroDeserializer<T> implements Deserializer<T> {

  private SchemaRegistryClient registry;
  private AvroSerdeConfig config;
  private final Schema readerSchema;
  private boolean isKey;
  private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

  /** For Kafka's reflective instantiation; {@link #configure} must be called. */
  public RegistryAvroDeserializer() {
    this(null, null);
  }

  /**
   * A deserializer that resolves every value to {@code readerSchema} (a generated class's schema)
   * and uses {@code registry} when not null.
   */
  public RegistryAvroDeserializer(SchemaRegistryClient registry, Schema readerSchema) {
    this.registry = registry;
    this.readerSchema = readerSchema;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = AvroSerdeConfig.from(configs);
    this.isKey = isKey;
    if (registry == null) {
      registry = SchemaRegistryClients.create(config);
    }
  }

  /**
   * Fetches the latest schema registered for the values (or keys) of {@code topic} and keeps it
   * by id, so that records written with it are read without the registry later; returns its id.
   * Throws {@link SchemaRegistryException} as the registry call does.
   */
  public int loadLatest(String topic) {
    if (config == null) {
      throw new IllegalStateException("RegistryAvroDeserializer used before configure()");
    }
    return registry.latest(WireFormat.subject(topic, isKey)).id();
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("RegistryAvroDeserializer used before configure()");
    }
    if (data.length < WireFormat.HEADER_SIZE) {
      throw new SerializationException(
          "Cannot deserialize record from topic '" + topic + "': " + data.length
              + " bytes is shorter than the 5-byte schema registry header");
    }
    ByteBuffer buffer = ByteBuffer.wrap(data);
    byte magic = buffer.get();
    if (magic != WireFormat.MAGIC_BYTE) {
      throw new SerializationException(
          String.format(
              "Cannot deserialize record from topic '%s': unknown magic byte 0x%02x (expected 0x00);"
                  + " the value was not written by a schema registry Avro serializer",
              topic, magic & 0xff));
    }
    int id = buffer.getInt();
    DatumReader<Object> reader = readerFor(id, topic);
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
    Object value;
    try {
      value = reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot decode Avro value with schema id " + id + " from topic '" + topic + "': " + e, e);
    }
    try {
      if (!decoder.isEnd()) {
        throw new SerializationException(
            "Cannot deserialize record from topic '" + topic + "': trailing bytes after the Avro value with schema id "
                + id + " (the value does not match its schema)");
      }
    } catch (IOException e) {
      throw new SerializationException("Cannot check end of Avro value from topic '" + topic + "'", e);
    }
    return (T) value;
  }

  private DatumReader<Object> readerFor(int id, String topic) {
    DatumReader<Object> cached = readers.get(id);
    if (cached != null) {
      return cached;
    }
    Schema writer;
    try {
      writer = registry.schemaById(id);
    } catch (SchemaRegistryException e) {
      if (e.isNotFound()) {
        throw new SerializationException(
            "Cannot deserialize record from topic '" + topic + "': schema id " + id + " is unknown to the registry ("
                + e.getMessage() + ")", e);
      }
      if (e.httpStatus() == 404) {
        // A 404 without error_code is an endpoint the server does not have, not a missing schema.
        throw new SerializationException(
            "Cannot deserialize record from topic '" + topic + "': looking up schema id " + id
                + " answered 404 without a schema registry error code; check that " + AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG
                + " is the Confluent API base URL (for Apicurio Registry it ends in /apis/ccompat/v7) ("
                + e.getMessage() + ")", e);
      }
      throw e;
    }
    DatumReader<Object> reader;
    if (readerSchema != null) {
      reader = new SpecificDatumReader<>(writer, readerSchema, SpecificData.getForSchema(readerSchema));
    } else if (config.specificReader()) {
      Class<?> generated = SpecificData.get().getClass(writer);
      if (generated == null) {
        throw new SerializationException(
            "Cannot deserialize record from topic '" + topic + "' as a generated class: no class for "
                + writer.getFullName() + " on the classpath (set specific.avro.reader=false for GenericRecord)");
      }
      // Read into the class's own schema: the writer may be another version whose fields sit at
      // other positions, and generated classes set fields by position.
      Schema classSchema = SpecificData.get().getSchema(generated);
      reader = new SpecificDatumReader<>(writer, classSchema, SpecificData.getForSchema(classSchema));
    } else {
      reader = new GenericDatumReader<>(writer);
    }
    readers.putIfAbsent(id, reader);
    return reader;
  }

  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
  }
}
