package io.newsstream.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import io.newsstream.processor.testing.RocksDbWrites;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real RocksDB stores under Kafka Streams ({@link TopologyTestDriver}): with {@link
 * BoundedRocksDbMemory} their memtables are flushed once they fill their share of the bound, and
 * without it (the control) the same writes stay in one store's memtable, past that share.
 */
class BoundedRocksDbMemoryTest {

  private static final long MB = 1024 * 1024;
  /** The least bound the processor accepts; a little more, so that no other test shares this cache. */
  private static final long BOUND = 16 * MB + 4096;
  private static final int VALUE_BYTES = 4096;
  /** 12 MB of values: more than half the bound, less than one default memtable (16 MB). */
  private static final int RECORDS = 3_000;

  @TempDir Path stateDir;

  @Test
  void shouldFlushTheMemtablesOfTheStoresOnceTheyFillTheirShareOfTheBound() {
    // given
    Properties props = properties("bounded");
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
    props.put(BoundedRocksDbMemory.MEMORY_CONFIG, Long.toString(BOUND));
    props.put(BoundedRocksDbMemory.MEMTABLE_SHARE_CONFIG, "0.5");

    // when
    long largest = largestMemtables(props);

    // then: 8 MB of memtables, and what a flush in progress adds
    assertThat(largest).isLessThan(10 * MB);
    assertThat(BoundedRocksDbMemory.usage(BOUND, 0.5)).isPresent();
    assertThat(BoundedRocksDbMemory.usage(BOUND, 0.5).getAsLong()).isLessThanOrEqualTo(BOUND + MB);
  }

  @Test
  void shouldKeepTheSameWritesInMemoryWithKafkaStreamsDefaults() {
    // given
    Properties props = properties("defaults");

    // when
    long largest = largestMemtables(props);

    // then
    assertThat(largest).isGreaterThan(11 * MB);
  }

  @Test
  void shouldRejectAMissingOrInvalidBoundNamingTheSetting() {
    // given
    Map<String, Object> missing = new HashMap<>(Map.of(BoundedRocksDbMemory.MEMTABLE_SHARE_CONFIG, "0.5"));
    Map<String, Object> zero = Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, "0", BoundedRocksDbMemory.MEMTABLE_SHARE_CONFIG, "0.5");
    Map<String, Object> share = Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, "1000000", BoundedRocksDbMemory.MEMTABLE_SHARE_CONFIG, "1.5");

    // when / then
    assertThatThrownBy(() -> BoundedRocksDbMemory.bound(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(BoundedRocksDbMemory.MEMORY_CONFIG);
    assertThatThrownBy(() -> BoundedRocksDbMemory.bound(zero)).hasMessageContaining(BoundedRocksDbMemory.MEMORY_CONFIG);
    assertThatThrownBy(() -> BoundedRocksDbMemory.bound(share)).hasMessageContaining(BoundedRocksDbMemory.MEMTABLE_SHARE_CONFIG);
  }

  private Properties properties(String name) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "rocksdb-memory-" + name);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(name).toString());
    return props;
  }

  /** Writes {@link #RECORDS} incompressible values into a RocksDB store; the largest memtables seen, by Kafka Streams' metric. */
  private static long largestMemtables(Properties props) {
    return (long) RocksDbWrites.write(props, RECORDS, VALUE_BYTES, 100, BoundedRocksDbMemoryTest::memtables);
  }

  private static long memtables(TopologyTestDriver driver) {
    return driver.metrics().values().stream()
        .filter(m -> m.metricName().name().equals("size-all-mem-tables") && m.metricName().group().equals("stream-state-metrics"))
        .mapToLong(m -> ((Number) m.metricValue()).longValue())
        .sum();
  }
}
