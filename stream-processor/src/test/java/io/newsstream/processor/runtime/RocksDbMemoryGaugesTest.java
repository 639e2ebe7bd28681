package io.newsstream.processor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.testing.RocksDbWrites;
import io.newsstream.processor.topology.StreamsProperties;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The instance's RocksDB memory gauges, read while a real RocksDB store under Kafka Streams fills the shared cache. */
class RocksDbMemoryGaugesTest {

  /** A bound of its own, so that no other test's stores share this cache. */
  private static final long BOUND = 16L * 1024 * 1024 + 8192;

  @TempDir Path stateDir;

  @Test
  void shouldReportTheBoundAndWhatTheSharedCacheHolds() {
    // given
    ProcessorConfig config = new ProcessorConfig();
    config.setRocksdbMemory(BOUND);
    config.setStateDir(stateDir);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    // when
    boolean bound = RocksDbMemoryGauges.bind(registry, config);
    double before = registry.get(RocksDbMemoryGauges.USED).gauge().value();
    Properties streams = StreamsProperties.streams(config);
    streams.put(StreamsConfig.APPLICATION_ID_CONFIG, "rocksdb-memory-gauges");
    double whileOpen = RocksDbWrites.write(streams, 500, 4096, 500, driver -> registry.get(RocksDbMemoryGauges.USED).gauge().value());

    // then
    assertThat(bound).isTrue();
    assertThat(registry.get(RocksDbMemoryGauges.LIMIT).gauge().value()).isEqualTo((double) BOUND);
    assertThat(before).isZero();
    // 2 MB written: in the memtable, charged to the cache
    assertThat(whileOpen).isGreaterThan(1024 * 1024).isLessThanOrEqualTo(BOUND + 1024 * 1024);
  }

  @Test
  void shouldRegisterNothingWithoutTheSharedCache() {
    // given
    ProcessorConfig off = new ProcessorConfig();
    off.setRocksdbMemory(0);
    ProcessorConfig inMemory = new ProcessorConfig();
    inMemory.setStoreType(ProcessorConfig.StoreType.IN_MEMORY);
    ProcessorConfig ownSetter = new ProcessorConfig();
    ownSetter.setStreams(Map.of(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.MySetter"));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    // when / then
    assertThat(RocksDbMemoryGauges.bind(registry, off)).isFalse();
    assertThat(RocksDbMemoryGauges.bind(registry, inMemory)).isFalse();
    assertThat(RocksDbMemoryGauges.bind(registry, ownSetter)).isFalse();
    assertThat(registry.find(RocksDbMemoryGauges.USED).gauge()).isNull();
  }
}
