package io.newsstream.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.Schema;

/**
 * Client for the Confluent Schema Registry REST API (Confluent Schema Registry itself, or
 * Apicurio Registry under {@code /apis/ccompat/v7}). Caches ids by (subject, schema) and schemas
 * by id, since both are immutable in the registry.
 *
 * <p>Schemas are always sent in one stable text form ({@link Schema#toString()} of the parsed
 * schema): registries that match on exact text (Apicurio does) would otherwise create a new
 * version for the same schema. Ids are treated as opaque: they can have gaps and need not equal
 * versions.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final Duration timeout;
  private final HttpClient http;
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  public RestSchemaRegistryClient(String baseUrl, Duration timeout) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.timeout = timeout;
    // HTTP/1.1: some registries mishandle the h2c upgrade that HTTP/2 attempts on plain http.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  @Override
  public int register(String subject, Schema schema) {
    return cached(idsBySubjectSchema, new SubjectSchema(subject, schema),
        key -> {
          String path = "/subjects/" + encode(subject) + "/versions";
          JsonNode response;
          try {
            response = call("POST", path, schemaBody(schema));
          } catch (SchemaRegistryException e) {
            // Apicurio answers 409 "already exists" when another client created the subject
            // between its check and its write (two stream threads registering a topic's first
            // schema at once); asked again, it finds the subject and answers with the id. A real
            // incompatibility answers 409 again and is thrown.
            if (e.httpStatus() != 409) {
              throw e;
            }
            response = call("POST", path, schemaBody(schema));
          }
          int id = response.path("id").asInt(-1);
          if (id < 0) {
            throw new SchemaRegistryException(
                "Registry at " + baseUrl + " answered the registration under subject '" + subject
                    + "' without an id: " + response, 200, -1, null);
          }
          schemasById.putIfAbsent(id, schema);
          return id;
        });
  }

  @Override
  public int idOf(String subject, Schema schema) {
    return cached(idsBySubjectSchema, new SubjectSchema(subject, schema),
        key -> {
          JsonNode response = call("POST", "/subjects/" + encode(subject), schemaBody(schema));
          int id = response.path("id").asInt(-1);
          if (id < 0) {
            throw new SchemaRegistryException(
                "Registry at " + baseUrl + " answered the lookup under subject '" + subject
                    + "' without an id: " + response, 200, -1, null);
          }
          schemasById.putIfAbsent(id, schema);
          return id;
        });
  }

  @Override
  public OptionalInt cachedId(String subject, Schema schema) {
    Integer id = idsBySubjectSchema.get(new SubjectSchema(subject, schema));
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  @Override
  public Schema schemaById(int id) {
    return cached(schemasById, id,
        key -> {
          JsonNode response = call("GET", "/schemas/ids/" + id, null);
          return parse(response.path("schema").asText(), "schema id " + id);
        });
  }

  @Override
  public RegisteredSchema latest(String subject) {
    JsonNode response = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
    int id = response.path("id").asInt();
    Schema schema = parse(response.path("schema").asText(), "latest version of subject '" + subject + "'");
    schemasById.putIfAbsent(id, schema);
    return new RegisteredSchema(subject, response.path("version").asInt(), id, schema);
  }

  @Override
  public void setCompatibility(String subject, String level) {
    ObjectNode body = JSON.createObjectNode().put("compatibility", level);
    call("PUT", "/config/" + encode(subject), body.toString());
  }

  /**
   * Looks {@code key} up in {@code cache}, loading it on a miss. Unlike {@code computeIfAbsent},
   * the HTTP call runs outside the map's lock, so a slow or unreachable registry blocks only the
   * callers that need that very entry, each for at most one request timeout.
   */
  private static <K, V> V cached(Map<K, V> cache, K key, Function<K, V> loader) {
    V value = cache.get(key);
    if (value != null) {
      return value;
    }
    V loaded = loader.apply(key);
    V raced = cache.putIfAbsent(key, loaded);
    return raced != null ? raced : loaded;
  }

  private JsonNode call(String method, String path, String body) {
    URI uri = URI.create(baseUrl + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", CONTENT_TYPE + ", application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SchemaRegistryException(
          "Schema registry at " + baseUrl + " is unreachable (" + method + " " + path + "): " + e, -1, -1, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("Interrupted while calling schema registry at " + baseUrl, -1, -1, e);
    }
    JsonNode json = readJson(response.body());
    if (response.statusCode() / 100 != 2) {
      int errorCode = json == null ? -1 : json.path("error_code").asInt(-1);
      String message = json == null ? abbreviate(response.body()) : json.path("message").asText(abbreviate(response.body()));
      throw new SchemaRegistryException(
          "Schema registry at " + baseUrl + " answered " + response.statusCode()
              + (errorCode > 0 ? " (error_code " + errorCode + ")" : "")
              + " to " + method + " " + path + ": " + message,
          response.statusCode(), errorCode, null);
    }
    if (json == null) {
      throw new SchemaRegistryException(
          "Schema registry at " + baseUrl + " answered " + method + " " + path + " with a body that is not JSON: "
              + abbreviate(response.body()), response.statusCode(), -1, null);
    }
    return json;
  }

  private static JsonNode readJson(String body) {
    if (body == null || body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  private static Schema parse(String text, String what) {
    try {
      return new Schema.Parser().parse(text);
    } catch (RuntimeException e) {
      throw new SchemaRegistryException("Registry returned an unparsable Avro schema for " + what + ": " + e.getMessage(), 200, -1, e);
    }
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  @Override
  public String toString() {
    return "RestSchemaRegistryClient[" + baseUrl + "]";
  }

  private record SubjectSchema(String subject, Schema schema) {}
}
