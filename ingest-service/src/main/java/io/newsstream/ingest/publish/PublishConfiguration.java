package io.newsstream.ingest.publish;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.MapFormat;
import io.newsstream.schemas.config.KafkaClientOverrides;
import io.newsstream.schemas.topics.TopicNames;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where and how ingest-service publishes, under {@value #PREFIX}. The timeouts together bound
 * how long a request can wait for Kafka: at most {@code max-block} (metadata, buffer space,
 * registry lookup) plus {@code delivery-timeout} (broker acknowledgement), after which the
 * client gets 503 with {@code Retry-After}.
 */
@ConfigurationProperties(PublishConfiguration.PREFIX)
public class PublishConfiguration {

  public static final String PREFIX = "newsstream.ingest.kafka";

  /** Kafka bootstrap servers. Default {@code 127.0.0.1:9092}; env KAFKA_BOOTSTRAP_SERVERS. */
  private String bootstrapServers = "127.0.0.1:9092";

  /**
   * Confluent-compatible schema registry base URL. Default {@code http://127.0.0.1:8081}; env
   * SCHEMA_REGISTRY_URL.
   */
  private String schemaRegistryUrl = "http://127.0.0.1:8081";

  /** Topic that receives ArticleSubmitted events. Default {@code articles.raw}. */
  private String topic = TopicNames.RAW_DEFAULT;

  /** Producer max.block.ms: longest send() may wait for metadata or buffer space. Default 2s. */
  private Duration maxBlock = Duration.ofSeconds(2);

  /** Producer request.timeout.ms: longest wait for one broker response. Default 2s. */
  private Duration requestTimeout = Duration.ofSeconds(2);

  /**
   * Producer delivery.timeout.ms: longest time from send() until the record is acknowledged
   * or failed, retries included. Must be at least request-timeout + linger. Default 4s.
   */
  private Duration deliveryTimeout = Duration.ofSeconds(4);

  /** Timeout of one schema registry HTTP request. Default 2s. */
  private Duration registryTimeout = Duration.ofSeconds(2);

  /** Value of {@code Retry-After} on 503 answers. Default 5s. */
  private Duration retryAfter = Duration.ofSeconds(5);

  /** Timeout of the readiness checks against the broker and the registry. Default 2s. */
  private Duration healthTimeout = Duration.ofSeconds(2);

  /**
   * Extra or overriding Kafka producer properties, for example {@code compression.type}; from an
   * environment variable ({@code NEWSSTREAM_INGEST_KAFKA_PRODUCER_LINGER_MS}) only the dotted
   * reading of the key is kept.
   */
  @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
  private Map<String, String> producer = new LinkedHashMap<>();

  public String getBootstrapServers() {
    return bootstrapServers;
  }

  public void setBootstrapServers(String bootstrapServers) {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException(PREFIX + ".bootstrap-servers must not be empty");
    }
    this.bootstrapServers = bootstrapServers;
  }

  public String getSchemaRegistryUrl() {
    return schemaRegistryUrl;
  }

  public void setSchemaRegistryUrl(String schemaRegistryUrl) {
    if (schemaRegistryUrl == null || schemaRegistryUrl.isBlank()) {
      throw new IllegalArgumentException(PREFIX + ".schema-registry-url must not be empty");
    }
    this.schemaRegistryUrl = schemaRegistryUrl;
  }

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  public Duration getMaxBlock() {
    return maxBlock;
  }

  public void setMaxBlock(Duration maxBlock) {
    this.maxBlock = positive("max-block", maxBlock);
  }

  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  public void setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = positive("request-timeout", requestTimeout);
  }

  public Duration getDeliveryTimeout() {
    return deliveryTimeout;
  }

  public void setDeliveryTimeout(Duration deliveryTimeout) {
    this.deliveryTimeout = positive("delivery-timeout", deliveryTimeout);
  }

  public Duration getRegistryTimeout() {
    return registryTimeout;
  }

  public void setRegistryTimeout(Duration registryTimeout) {
    this.registryTimeout = positive("registry-timeout", registryTimeout);
  }

  public Duration getRetryAfter() {
    return retryAfter;
  }

  public void setRetryAfter(Duration retryAfter) {
    this.retryAfter = positive("retry-after", retryAfter);
  }

  public Duration getHealthTimeout() {
    return healthTimeout;
  }

  public void setHealthTimeout(Duration healthTimeout) {
    this.healthTimeout = positive("health-timeout", healthTimeout);
  }

  public Map<String, String> getProducer() {
    return producer;
  }

  public void setProducer(Map<String, String> producer) {
    this.producer = KafkaClientOverrides.canonical(producer);
  }

  private static Duration positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(PREFIX + "." + name + " must be a positive duration");
    }
    return value;
  }
}
