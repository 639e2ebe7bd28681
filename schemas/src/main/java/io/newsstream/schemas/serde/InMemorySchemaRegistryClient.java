package io.newsstream.schemas.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * An in-memory registry with the REST client's semantics (ids shared across subjects, 404 error
 * codes), selected by {@code schema.registry.url=mock://<scope>}. Instances are shared per scope
 * within one JVM so that a serializer and a deserializer configured with the same URL meet; tests
 * should use a unique scope each. Ids start at 1000 and grow by 7, so code that assumes id ==
 * version or consecutive ids fails here as it would against a real registry.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

  private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsByText = new HashMap<>();
  private final Map<String, String> compatibility = new HashMap<>();
  private int nextId = 1000;

  /** The registry for {@code mock://scope}, created on first use. */
  public static InMemorySchemaRegistryClient forScope(String scope) {
    return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistryClient());
  }

  /** Forgets the registry of {@code scope}. */
  public static void dropScope(String scope) {
    SCOPES.remove(scope);
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    String text = schema.toString();
    int id = idsByText.computeIfAbsent(text, t -> {
      int assigned = nextId;
      nextId += 7;
      schemasById.put(assigned, schema);
      return assigned;
    });
    List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!versions.contains(id)) {
      versions.add(id);
    }
    return id;
  }

  @Override
  public synchronized int idOf(String subject, Schema schema) {
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null) {
      throw notFound("Subject '" + subject + "' not found", SchemaRegistryException.SUBJECT_NOT_FOUND);
    }
    Integer id = idsByText.get(schema.toString());
    if (id == null || !versions.contains(id)) {
      throw notFound("Schema not found under subject '" + subject + "'", SchemaRegistryException.SCHEMA_NOT_FOUND);
    }
    return id;
  }

  @Override
  public synchronized Schema schemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw notFound("Schema id " + id + " not found", SchemaRegistryException.SCHEMA_NOT_FOUND);
    }
    return schema;
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw notFound("Subject '" + subject + "' not found", SchemaRegistryException.SUBJECT_NOT_FOUND);
    }
    int id = versions.get(versions.size() - 1);
    return new RegisteredSchema(subject, versions.size(), id, schemasById.get(id));
  }

  @Override
  public synchronized void setCompatibility(String subject, String level) {
    compatibility.put(subject, level);
  }

  private static SchemaRegistryException notFound(String message, int code) {
    return new SchemaRegistryException(message, 404, code, null);
  }
}
