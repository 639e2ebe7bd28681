package io.newsstream.ingest.publish;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.serde.AvroSerdeConfig;
import io.newsstream.schemas.serde.RegistryAvroSerializer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the one Kafka producer of the service (KafkaProducer is thread-safe and batches
 * concurrent sends) with the registry-aware Avro serializer from {@code schemas}.
 */
@Factory
public class ProducerFactory {

  private static final Logger LOG = LoggerFactory.getLogger(ProducerFactory.class);

  /** The producer properties derived from {@link PublishConfiguration}; visible for tests. */
  public static Map<String, Object> producerProperties(PublishConfiguration config) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getBootstrapServers());
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service");
    // A 202 promises the record survives a broker failure: wait for all in-sync replicas.
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    // Retries after a lost acknowledgement must not write the record twice.
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Requests wait on the broker, so outages must surface within seconds (503), not after the
    // defaults of 60 s blocking and 120 s delivery.
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(config.getMaxBlock()));
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(config.getRequestTimeout()));
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(config.getDeliveryTimeout()));
    // Reconnect quickly once a broker is back so service resumes soon after an outage.
    props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    // Article text compresses well; smaller batches mean fewer broker bytes and let bodies of
    // up to 1 M characters fit the broker's default 1 MiB message limit.
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // Concurrent HTTP requests share batches; a few ms of lingering fills them.
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // One article may be up to ~4 MB of UTF-8 before compression; the broker still enforces its
    // own (compressed) limit and we answer 413 when it refuses.
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, config.getSchemaRegistryUrl());
    props.put(AvroSerdeConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(config.getRegistryTimeout()));
    props.putAll(config.getProducer());
    return props;
  }

  /**
   * The value serializer of {@link #articleProducer}, a bean of its own so that readiness can ask
   * it whether it still needs the registry; the producer closes it.
   */
  @Singleton
  public RegistryAvroSerializer<ArticleSubmitted> articleSerializer(PublishConfiguration config) {
    RegistryAvroSerializer<ArticleSubmitted> valueSerializer = new RegistryAvroSerializer<>();
    valueSerializer.configure(producerProperties(config), false);
    return valueSerializer;
  }

  @Singleton
  @Bean(preDestroy = "close")
  public Producer<String, ArticleSubmitted> articleProducer(
      PublishConfiguration config, RegistryAvroSerializer<ArticleSubmitted> valueSerializer, @Nullable MeterRegistry meterRegistry) {
    Map<String, Object> props = producerProperties(config);
    if (!config.getProducer().isEmpty()) {
      // Keys only: values such as sasl.jaas.config hold credentials.
      LOG.info("Kafka producer settings from {}.producer.*: {}", PublishConfiguration.PREFIX, String.join(", ", config.getProducer().keySet()));
    }
    KafkaProducer<String, ArticleSubmitted> producer =
        new KafkaProducer<>(props, new StringSerializer(), valueSerializer);
    if (meterRegistry != null) {
      // Exposes buffer use, record rates and request latency under kafka.producer.*.
      new KafkaClientMetrics(producer).bindTo(meterRegistry);
    }
    return producer;
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
  }
}
