package io.newsstream.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
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
}
