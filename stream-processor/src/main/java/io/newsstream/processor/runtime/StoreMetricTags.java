package io.newsstream.processor.runtime;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Gives Kafka Streams' state-store metrics one set of tag keys, so that Prometheus takes them all.
 * Kafka Streams names a store's tag after its type ({@code rocksdb-window-state-id}, {@code
 * rocksdb-state-id}, {@code in-memory-state-id}, …), so one metric such as {@code
 * kafka.stream.state.put.rate} comes with different tag keys for a window store and a key-value
 * store; Prometheus requires one set of keys per name, and Micrometer refused every store of the
 * type registered second (the key-value stores, such as the reorder window's hold store), with a
 * warning a minute after start-up. Here that tag becomes {@code store}, the store's name (store
 * names are unique in the topology). The tag count stays the same: Micrometer's Kafka binder
 * passes over a metric when a meter of its name has more tags than the metric.
 *
 * <p>Micronaut applies every {@link MeterFilter} bean to its registries before anything is bound
 * to them. The binder removes a meter whose metric is gone (a task moved to another instance) by
 * its unfiltered id, which no longer finds the renamed meter, so {@link #removeStale} does that
 * after each rebalance.
 */
@Singleton
public class StoreMetricTags implements MeterFilter {

  static final String STORE = "store";
  private static final String PREFIX = "kafka.stream.state.";
  private static final String STATE_ID = "-state-id";
  /** Micrometer's form of Kafka's {@code <type>-state-id}: dashes become dots. */
  private static final String TAG_SUFFIX = ".state.id";

  @Override
  public Meter.Id map(Meter.Id id) {
    if (!id.getName().startsWith(PREFIX)) {
      return id;
    }
    for (Tag tag : id.getTagsAsIterable()) {
      if (tag.getKey().endsWith(TAG_SUFFIX)) {
        List<Tag> tags = new ArrayList<>();
        for (Tag other : id.getTagsAsIterable()) {
          tags.add(other == tag ? Tag.of(STORE, tag.getValue()) : other);
        }
        return id.replaceTags(tags);
      }
    }
    return id;
  }

  /**
   * Removes the store meters whose Kafka Streams metric is gone ({@code metrics}: Kafka Streams'
   * current ones): the stores of tasks that moved to another instance or of a replaced thread.
   * Returns how many were removed.
   */
  public static int removeStale(MeterRegistry registry, Map<MetricName, ? extends Metric> metrics) {
    Set<List<String>> live = new HashSet<>();
    for (MetricName name : metrics.keySet()) {
      for (Map.Entry<String, String> tag : name.tags().entrySet()) {
        if (tag.getKey().endsWith(STATE_ID)) {
          live.add(List.of(name.tags().getOrDefault("task-id", ""), name.tags().getOrDefault("thread-id", ""), tag.getValue()));
        }
      }
    }
    int removed = 0;
    for (Meter meter : registry.getMeters()) {
      Meter.Id id = meter.getId();
      String store = id.getTag(STORE);
      if (store != null && id.getName().startsWith(PREFIX)) {
        List<String> key = List.of(nullToEmpty(id.getTag("task.id")), nullToEmpty(id.getTag("thread.id")), store);
        if (!live.contains(key) && registry.remove(meter) != null) {
          removed++;
        }
      }
    }
    return removed;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
