package io.newsstream.benchmarks;

import io.newsstream.processor.topology.BoundedRocksDbMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Memory outside the Java heap while a topology runs: the process's resident set, and what its
 * RocksDB stores hold by Kafka Streams' RocksDB metrics (recorded at the default INFO level).
 *
 * @param rssBytes the JVM's resident set ({@code VmRSS}), heap and everything else; -1 where
 *     {@code /proc} is not there
 * @param memtableBytes the stores' memtables ({@code size-all-mem-tables}, summed)
 * @param blockCacheBytes the block caches' contents ({@code block-cache-usage}): summed over the
 *     stores' own caches, or the one shared cache's under {@link BoundedRocksDbMemory}, which
 *     every store reports; the shared cache also holds what the memtables are charged for
 * @param tableReaderBytes index and filter blocks held outside the block cache ({@code
 *     estimate-table-readers-mem}, summed)
 * @param sharedCache whether the stores share one bounded cache
 */
record NativeMemory(long rssBytes, long memtableBytes, long blockCacheBytes, long tableReaderBytes, boolean sharedCache) {

  static final NativeMemory NONE = new NativeMemory(-1, 0, 0, 0, false);

  private static final String GROUP = "stream-state-metrics";

  /** RocksDB's native memory by the metrics: with a shared cache the memtables are already part of it. */
  long rocksDbBytes() {
    return sharedCache ? blockCacheBytes + tableReaderBytes : memtableBytes + blockCacheBytes + tableReaderBytes;
  }

  String describe() {
    return String.format(Locale.ROOT, "RocksDB %.0f MB (memtables %.0f MB%s, block cache %.0f MB%s, indexes and filters outside it"
            + " %.0f MB), JVM resident set %s",
        rocksDbBytes() / 1048576.0, memtableBytes / 1048576.0, sharedCache ? ", charged to the cache" : "",
        blockCacheBytes / 1048576.0, sharedCache ? " shared" : "", tableReaderBytes / 1048576.0,
        rssBytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MB", rssBytes / 1048576.0));
  }

  /** Measures a running {@code streams} configured with {@code props}. */
  static NativeMemory of(KafkaStreams streams, Properties props) {
    return aggregate(storeMetrics(streams), BoundedRocksDbMemory.configures(props), rss(Path.of("/proc/self/status")));
  }

  /** One value of a store metric of Kafka Streams; NaN when it is not a number. */
  record StoreMetric(String name, double value) {}

  /** Every store metric ({@code stream-state-metrics}) of a running {@code streams}, by its name. */
  static List<StoreMetric> storeMetrics(KafkaStreams streams) {
    return streams.metrics().values().stream()
        .filter(m -> GROUP.equals(m.metricName().group()))
        .map(NativeMemory::storeMetric)
        .toList();
  }

  static NativeMemory aggregate(List<StoreMetric> metrics, boolean sharedCache, long rssBytes) {
    long memtables = 0;
    long tableReaders = 0;
    long cacheSum = 0;
    long cacheMax = 0;
    for (StoreMetric metric : metrics) {
      if (Double.isNaN(metric.value())) {
        continue;
      }
      long value = (long) metric.value();
      switch (metric.name()) {
        case "size-all-mem-tables" -> memtables += value;
        case "estimate-table-readers-mem" -> tableReaders += value;
        case "block-cache-usage" -> {
          cacheSum += value;
          cacheMax = Math.max(cacheMax, value);
        }
        default -> {}
      }
    }
    return new NativeMemory(rssBytes, memtables, sharedCache ? cacheMax : cacheSum, tableReaders, sharedCache);
  }

  private static StoreMetric storeMetric(Metric metric) {
    Object value = metric.metricValue();
    return new StoreMetric(metric.metricName().name(), value instanceof Number n ? n.doubleValue() : Double.NaN);
  }

  /** {@code VmRSS} of a {@code /proc/<pid>/status} file, in bytes; -1 when it cannot be read. */
  static long rss(Path status) {
    try {
      return rssOf(Files.readAllLines(status));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static long rssOf(List<String> statusLines) {
    for (String line : statusLines) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
        return Long.parseLong(parts[0]) * 1024; // kB
      }
    }
    return -1;
  }
}
