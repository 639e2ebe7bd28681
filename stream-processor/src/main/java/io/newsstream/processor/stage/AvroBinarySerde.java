package io.newsstream.processor.stage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Plain Avro binary (no registry header) for the processor's own repartition topics and stores.
 * Those are private to one application version, so they need no schema id: no registry round
 * trip, no subjects for internal topics. Public topics always use the registry serdes.
 */
public final class AvroBinarySerde<T extends SpecificRecord> implements Serde<T> {

  private final Schema schema;
  // Both are safe to share between stream threads (Avro keeps per-thread resolver state itself)
  // and costly enough to build that doing it per record shows in throughput.
  private final SpecificDatumWriter<T> writer;
  private final SpecificDatumReader<T> reader;

  public AvroBinarySerde(Schema schema) {
    this.schema = schema;
    SpecificData data = SpecificData.getForSchema(schema);
    this.writer = new SpecificDatumWriter<>(schema, data);
    this.reader = new SpecificDatumReader<>(schema, schema, data);
  }

  /** Writes {@code value} as Avro binary. */
  public byte[] write(T value) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(512);
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writer.write(value, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot write " + schema.getFullName() + " as Avro binary: " + e, e);
    }
  }

  /** Reads a value written by {@link #write}. */
  public T read(byte[] bytes) {
    try {
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot read " + schema.getFullName() + " from Avro binary: " + e, e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : write(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(bytes);
  }
}
