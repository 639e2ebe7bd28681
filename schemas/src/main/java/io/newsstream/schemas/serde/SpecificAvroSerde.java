package io.newsstream.schemas.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka Streams serde for one generated Avro class in the schema registry wire format. Values are
 * always read into {@code type}, resolving whatever (compatible) writer schema the record was
 * written with.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final RegistryAvroSerializer<T> serializer;
  private final RegistryAvroDeserializer<T> deserializer;

  public SpecificAvroSerde(Class<T> type) {
    this(type, null);
  }

  /** A serde whose serializer and deserializer share {@code registry} (null: one per config). */
  public SpecificAvroSerde(Class<T> type, SchemaRegistryClient registry) {
    this.serializer = new RegistryAvroSerializer<>(registry);
    this.deserializer = new RegistryAvroDeserializer<>(registry, SpecificData.get().getSchema(type));
  }

  /** A configured value serde. */
  public static <T extends SpecificRecord> SpecificAvroSerde<T> forValues(Class<T> type, Map<String, ?> configs) {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
    serde.configure(configs, false);
    return serde;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
