package io.newsstream.processor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class StoreMetricTagsTest {

  private static final String THREAD = "processor-StreamThread-1";

  @Test
  void shouldServeTheMetricsOfWindowAndKeyValueStoresUnderOneName() {
    // given: tags as Micrometer's Kafka binder makes them from Kafka Streams' store metrics
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new StoreMetricTags());

    // when
    storeGauge(registry, "rocksdb.window.state.id", "dedup-url-store", "1_0");
    storeGauge(registry, "rocksdb.state.id", "dedup-text-hold-store", "1_0");
    storeGauge(registry, "in.memory.window.state.id", "test-store", "1_0");

    // then
    String scrape = registry.scrape();
    assertThat(scrape)
        .contains("store=\"dedup-url-store\"")
        .contains("store=\"dedup-text-hold-store\"")
        .contains("store=\"test-store\"")
        .doesNotContain("state_id");
  }

  @Test
  void shouldRenameOnlyTheStoreTagOfStoreMetrics() {
    // given
    StoreMetricTags filter = new StoreMetricTags();
    Meter.Id store =
        new Meter.Id(
            "kafka.stream.state.put.rate",
            Tags.of("kafka.version", "4.3.1", "rocksdb.window.state.id", "s", "task.id", "1_0", "thread.id", "t"),
            null,
            null,
            Meter.Type.GAUGE);
    Meter.Id thread = new Meter.Id("kafka.stream.thread.commit.rate", Tags.of("thread.id", "t-1"), null, null, Meter.Type.GAUGE);
    Meter.Id other = new Meter.Id("jvm.memory.used", Tags.of("rocksdb.state.id", "x"), null, null, Meter.Type.GAUGE);

    // when
    List<Tag> tags = filter.map(store).getTags();

    // then: as many tags as before, which Micrometer's Kafka binder relies on
    assertThat(tags)
        .containsExactlyInAnyOrder(Tag.of("kafka.version", "4.3.1"), Tag.of("store", "s"), Tag.of("task.id", "1_0"), Tag.of("thread.id", "t"));
    assertThat(filter.map(thread)).isSameAs(thread);
    assertThat(filter.map(other)).isSameAs(other);
  }

  @Test
  void shouldRemoveTheMetersOfStoresWhoseMetricsAreGone() {
    // given: meters of two tasks' stores, of which only task 1_0's are still in Kafka Streams
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new StoreMetricTags());
    storeGauge(registry, "rocksdb.window.state.id", "dedup-url-store", "1_0");
    storeGauge(registry, "rocksdb.state.id", "dedup-text-hold-store", "1_0");
    storeGauge(registry, "rocksdb.window.state.id", "dedup-url-store", "1_1");
    storeGauge(registry, "rocksdb.state.id", "dedup-text-hold-store", "1_1");
    Gauge.builder("kafka.stream.thread.commit.rate", () -> 1.0).tag("thread.id", THREAD).register(registry);
    Map<MetricName, Metric> live =
        Map.of(
            storeMetric("rocksdb-window-state-id", "dedup-url-store", "1_0"), metric(),
            storeMetric("rocksdb-state-id", "dedup-text-hold-store", "1_0"), metric());

    // when
    int removed = StoreMetricTags.removeStale(registry, live);

    // then
    assertThat(removed).isEqualTo(2);
    assertThat(registry.find("kafka.stream.state.put.rate").tag("task.id", "1_1").gauges()).isEmpty();
    assertThat(registry.find("kafka.stream.state.put.rate").tag("task.id", "1_0").gauges()).hasSize(2);
    assertThat(registry.find("kafka.stream.thread.commit.rate").gauges()).hasSize(1);
  }

  private static void storeGauge(PrometheusMeterRegistry registry, String storeTag, String store, String task) {
    Gauge.builder("kafka.stream.state.put.rate", () -> 1.0)
        .tags("kafka.version", "4.3.1", storeTag, store, "task.id", task, "thread.id", THREAD)
        .register(registry);
  }

  private static MetricName storeMetric(String storeTag, String store, String task) {
    return new MetricName("put-rate", "stream-state-metrics", "", Map.of(storeTag, store, "task-id", task, "thread-id", THREAD));
  }

  private static Metric metric() {
    return new Metric() {
      @Override
      public MetricName metricName() {
        throw new UnsupportedOperationException();
      }

      @Override
      public Object metricValue() {
        return 1.0;
      }
    };
  }
}
