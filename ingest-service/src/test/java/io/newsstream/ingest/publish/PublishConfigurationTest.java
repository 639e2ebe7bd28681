package io.newsstream.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class PublishConfigurationTest {

  @Test
  void shouldDeriveADurableBoundedProducerAndLetDottedOverridesWin() {
    // given
    try (ApplicationContext ctx = ApplicationContext.run(Map.of(
        "newsstream.ingest.kafka.bootstrap-servers", "127.0.0.1:19999",
        "newsstream.ingest.kafka.delivery-timeout", "7s",
        "newsstream.ingest.kafka.producer.compression.type", "zstd"))) {
      // when
      Map<String, Object> props = ProducerFactory.producerProperties(ctx.getBean(PublishConfiguration.class));
      // then
      assertThat(props)
          .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:19999")
          .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
          .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
          .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 7000)
          .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000)
          .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    }
  }

  @Test
  void shouldTakeAProducerOverrideOfAnEnvironmentVariableUnderItsKafkaName() {
    // given
    PropertySource variables =
        PropertySource.of(
            "test-environment-variables",
            Map.of("NEWSSTREAM_INGEST_KAFKA_PRODUCER_LINGER_MS", "20", "NEWSSTREAM_INGEST_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19999"),
            PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
    try (ApplicationContext ctx = ApplicationContext.builder().propertySources(variables).start()) {
      // when
      Map<String, Object> props = ProducerFactory.producerProperties(ctx.getBean(PublishConfiguration.class));
      // then
      assertThat(props).containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20").containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:19999");
      assertThat(props.keySet()).noneMatch(key -> key.contains("-"));
    }
  }
}
