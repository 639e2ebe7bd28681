package io.newsstream.schemas.serde;

import java.util.OptionalInt;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry API the serdes need. Implementations throw {@link
 * SchemaRegistryException} for every failure, with the registry's error code when it sent one.
 */
public interface SchemaRegistryClient extends AutoCloseable {

  /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
  int register(String subject, Schema schema);

  /** Returns the id of {@code schema} already registered under {@code subject}. */
  int idOf(String subject, Schema schema);

  /**
   * The id of {@code schema} under {@code subject} when this client already knows it (from an
   * earlier {@link #register} or {@link #idOf}), without asking the registry; empty otherwise.
   */
  default OptionalInt cachedId(String subject, Schema schema) {
    return OptionalInt.empty();
  }

  /** Returns the schema with global id {@code id}. */
  Schema schemaById(int id);

  /** Returns the latest version registered under {@code subject}. */
  RegisteredSchema latest(String subject);

  /** Sets the compatibility level of {@code subject}, for example {@code BACKWARD}. */
  void setCompatibility(String subject, String level);

  @Override
  default void close() {}

  /** A schema as the registry holds it. */
  record RegisteredSchema(String subject, int version, int id, Schema schema) {}
}
