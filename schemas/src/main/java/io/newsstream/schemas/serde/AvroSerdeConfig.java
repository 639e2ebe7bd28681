package io.newsstream.schemas.serde;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the registry-aware Avro serdes. Keys are Confluent's, so a configuration written
 * for {@code io.confluent.kafka.serializers.KafkaAvroSerializer} works unchanged here and the
 * other way round.
 */
public final class AvroSerdeConfig {

  public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
  public static final String SCHEMA_REGISTRY_URL_DOC =
      "Base URL of a Confluent-compatible schema registry REST API, for example"
          + " http://127.0.0.1:8081/apis/ccompat/v7. 'mock://<scope>' selects an in-memory"
          + " registry shared within this JVM, for tests.";

  public static final String AUTO_REGISTER_SCHEMAS_CONFIG = "auto.register.schemas";
  public static final boolean AUTO_REGISTER_SCHEMAS_DEFAULT = true;
  public static final String AUTO_REGISTER_SCHEMAS_DOC =
      "Serializer: register the record's schema under the subject when it is not there yet."
          + " When false the schema must already be registered.";

  public static final String USE_LATEST_VERSION_CONFIG = "use.latest.version";
  public static final boolean USE_LATEST_VERSION_DEFAULT = false;
  public static final String USE_LATEST_VERSION_DOC =
      "Serializer: write with the latest schema version of the subject instead of the record's"
          + " own schema. Use with auto.register.schemas=false.";

  public static final String SPECIFIC_AVRO_READER_CONFIG = "specific.avro.reader";
  public static final boolean SPECIFIC_AVRO_READER_DEFAULT = false;
  public static final String SPECIFIC_AVRO_READER_DOC =
      "Deserializer: return generated SpecificRecord classes instead of GenericRecord.";

  public static final String REQUEST_TIMEOUT_MS_CONFIG = "schema.registry.request.timeout.ms";
  public static final long REQUEST_TIMEOUT_MS_DEFAULT = 5_000L;
  public static final String REQUEST_TIMEOUT_MS_DOC =
      "Upper bound for one registry HTTP request, connect included.";

  private final String registryUrl;
  private final boolean autoRegister;
  private final boolean useLatestVersion;
  private final boolean specificReader;
  private final Duration requestTimeout;

  private AvroSerdeConfig(
      String registryUrl,
      boolean autoRegister,
      boolean useLatestVersion,
      boolean specificReader,
      Duration requestTimeout) {
    this.registryUrl = registryUrl;
    this.autoRegister = autoRegister;
    this.useLatestVersion = useLatestVersion;
    this.specificReader = specificReader;
    this.requestTimeout = requestTimeout;
  }

  /** Reads and validates the settings from a Kafka-style configuration map. */
  public static AvroSerdeConfig from(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL_CONFIG);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException(
          "Missing required configuration \"" + SCHEMA_REGISTRY_URL_CONFIG + "\": " + SCHEMA_REGISTRY_URL_DOC);
    }
    String first = url.toString().split(",")[0].trim();
    if (!(first.startsWith("http://") || first.startsWith("https://") || first.startsWith("mock://"))) {
      throw new ConfigException(SCHEMA_REGISTRY_URL_CONFIG, url, "must start with http://, https:// or mock://");
    }
    long timeoutMs = longValue(configs, REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS_DEFAULT);
    if (timeoutMs <= 0) {
      throw new ConfigException(REQUEST_TIMEOUT_MS_CONFIG, timeoutMs, "must be positive");
    }
    return new AvroSerdeConfig(
        stripTrailingSlash(first),
        bool(configs, AUTO_REGISTER_SCHEMAS_CONFIG, AUTO_REGISTER_SCHEMAS_DEFAULT),
        bool(configs, USE_LATEST_VERSION_CONFIG, USE_LATEST_VERSION_DEFAULT),
        bool(configs, SPECIFIC_AVRO_READER_CONFIG, SPECIFIC_AVRO_READER_DEFAULT),
        Duration.ofMillis(timeoutMs));
  }

  public String registryUrl() {
    return registryUrl;
  }

  public boolean autoRegister() {
    return autoRegister;
  }

  public boolean useLatestVersion() {
    return useLatestVersion;
  }

  public boolean specificReader() {
    return specificReader;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static boolean bool(Map<String, ?> configs, String key, boolean defaultValue) {
    Object value = configs.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new ConfigException(key, value, "must be true or false");
  }

  private static long longValue(Map<String, ?> configs, String key, long defaultValue) {
    Object value = configs.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, value, "must be a whole number of milliseconds");
    }
  }
}
