package io.newsstream.processor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class OpenFilesMetricFilterTest {

  @Test
  void shouldKeepANegativeOpenFilesCountFromFailingTheScrape() {
    // given: the counter Micrometer's Kafka binder makes of Kafka Streams' number-open-files at
    // DEBUG recording, at the value a running instance gave (-2), next to another store counter
    PrometheusMeterRegistry filtered = registry(true);
    PrometheusMeterRegistry unfiltered = registry(false);

    // when / then
    assertThat(filtered.scrape())
        .contains("kafka_stream_state_bytes_written_total")
        .doesNotContain("number_open_files");
    assertThatThrownBy(unfiltered::scrape) // the failure the filter prevents
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("counters cannot have a negative value");
  }

  private static PrometheusMeterRegistry registry(boolean filter) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    if (filter) {
      registry.config().meterFilter(new OpenFilesMetricFilter());
    }
    registry.config().meterFilter(new StoreMetricTags());
    counter(registry, OpenFilesMetricFilter.NAME, -2);
    counter(registry, "kafka.stream.state.bytes.written.total", 4096);
    return registry;
  }

  private static void counter(PrometheusMeterRegistry registry, String name, double value) {
    FunctionCounter.builder(name, value, v -> v)
        .tags("rocksdb.window.state.id", "dedup-url-store", "task.id", "1_0", "thread.id", "t-1")
        .register(registry);
  }
}
