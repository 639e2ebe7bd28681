package io.newsstream.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
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
  private final Map<SchemaPair, DatumReader<Object>> resolvers = new ConcurrentHashMap<>();

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
    Object datum = data;
    int id;
    if (config.useLatestVersion()) {
      SchemaRegistryClient.RegisteredSchema latest = latestBySubject.computeIfAbsent(subject, registry::latest);
      id = latest.id();
      if (!latest.schema().equals(schema)) {
        // Datum writers take fields by position; a generated record of another version would be
        // written into the wrong fields. Resolve it into the latest schema by name first.
        datum = toLatestSchema(data, schema, latest, subject);
      }
      schema = latest.schema();
    } else {
      id = idFor(subject, schema);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(WireFormat.MAGIC_BYTE);
    out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writerFor(schema, datum).write(datum, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot serialize " + schema.getFullName() + " for subject '" + subject + "' (schema id " + id + "): " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /**
   * The schema id that records of {@code schema} written to {@code topic} get, asking the registry
   * (registering the schema when {@code auto.register.schemas} is on) unless it is cached; the
   * same lookup as the first {@link #serialize}, so that a caller can make it at start-up and
   * write records while the registry is away. Throws {@link SchemaRegistryException} as {@code
   * serialize} would.
   */
  public int schemaId(String topic, Schema schema) {
    if (config == null) {
      throw new IllegalStateException("RegistryAvroSerializer used before configure()");
    }
    String subject = WireFormat.subject(topic, isKey);
    if (config.useLatestVersion()) {
      return latestBySubject.computeIfAbsent(subject, registry::latest).id();
    }
    return idFor(subject, schema);
  }

  private int idFor(String subject, Schema schema) {
    return config.autoRegister() ? registry.register(subject, schema) : registeredIdOf(subject, schema);
  }

  /**
   * The schema id that records of {@code schema} written to {@code topic} get, when this
   * serializer can write them without asking the registry (it has looked the id up before);
   * empty when the next such record needs the registry.
   */
  public OptionalInt cachedId(String topic, Schema schema) {
    if (config == null) {
      return OptionalInt.empty();
    }
    String subject = WireFormat.subject(topic, isKey);
    if (config.useLatestVersion()) {
      SchemaRegistryClient.RegisteredSchema latest = latestBySubject.get(subject);
      return latest == null ? OptionalInt.empty() : OptionalInt.of(latest.id());
    }
    return registry.cachedId(subject, schema);
  }

  /**
   * {@code data} as a record of the subject's latest schema, each field resolved by name with
   * Avro's schema resolution (the latest schema must be able to read the record's own schema).
   */
  private Object toLatestSchema(
      Object data, Schema own, SchemaRegistryClient.RegisteredSchema latest, String subject) {
    try {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
      writerFor(own, data).write(data, encoder);
      encoder.flush();
      DatumReader<Object> resolver =
          resolvers.computeIfAbsent(new SchemaPair(own, latest.schema()), pair -> new GenericDatumReader<>(pair.writer(), pair.reader()));
      return resolver.read(null, DecoderFactory.get().binaryDecoder(buffer.toByteArray(), null));
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot serialize " + own.getFullName() + " with the latest schema of subject '" + subject + "' (version "
              + latest.version() + ", id " + latest.id() + ", " + AvroSerdeConfig.USE_LATEST_VERSION_CONFIG
              + "=true): it cannot hold the record: " + e.getMessage(), e);
    }
  }

  private record SchemaPair(Schema writer, Schema reader) {}

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
