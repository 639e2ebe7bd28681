package io.newsstream.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated {@link SpecificRecord}s or {@code GenericRecord}s) in the
 * Confluent Schema Registry wire format under the TopicNameStrategy subject {@code
 * <topic>-value} (or {@code -key}). Configured with {@link AvroSerdeConfig}'s keys. Thread-safe:
 * a producer may call it from many threads.
 */
public class RegistryAvroSerializer<T> implements Serializer<T> {

  private SchemaRegistryClient registry;
  private AvroSerdeConfig config;
  private boolean isKey;
  private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
  private final Map<String, SchemaRegistryClient.RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();

  /** For Kafka's reflective instantiation; {@link #configure} must be called. */
  public RegistryAvroSerializer() {}

  /** A serializer that uses the given client (shared caches); {@link #configure} still applies. */
  public RegistryAvroSerializer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = AvroSerdeConfig.from(configs);
    this.isKey = isKey;
    if (registry == null) {
      registry = SchemaRegistryClients.create(config);
    }
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("RegistryAvroSerializer used before configure()");
    }
    if (!(data instanceof GenericContainer container)) {
      throw new SerializationException(
          "Cannot serialize " + data.getClass().getName() + " as Avro: expected a generated record or a GenericRecord");
    }
    String subject = WireFormat.subject(topic, isKey);
    Schema schema = container.getSchema();
    int id;
    if (config.useLatestVersion()) {
      SchemaRegistryClient.RegisteredSchema latest = latestBySubject.computeIfAbsent(subject, registry::latest);
      id = latest.id();
      schema = latest.schema();
    } else if (config.autoRegister()) {
      id = registry.register(subject, schema);
    } else {
      id = registeredIdOf(subject, schema);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(WireFormat.MAGIC_BYTE);
    out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writerFor(schema, data).write(data, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot serialize " + schema.getFullName() + " for subject '" + subject + "' (schema id " + id + "): " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** The id of a schema someone else registered; says which setting made it required. */
  private int registeredIdOf(String subject, Schema schema) {
    try {
      return registry.idOf(subject, schema);
    } catch (SchemaRegistryException e) {
      if (!e.isNotFound()) {
        throw e;
      }
      throw new SchemaRegistryException(
          "Cannot serialize " + schema.getFullName() + ": its schema is not registered under subject '" + subject
              + "' and " + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG + "=false; register it first ("
              + e.getMessage() + ")",
          e.httpStatus(), e.errorCode(), e);
    }
  }

  private DatumWriter<Object> writerFor(Schema schema, Object data) {
    return writers.computeIfAbsent(
        schema,
        s -> data instanceof SpecificRecord
            ? new SpecificDatumWriter<>(s, SpecificData.getForSchema(s))
            : new GenericDatumWriter<>(s));
  }

  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
  }
}
