package io.newsstream.processor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.topology.StreamsProperties;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
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
    double whileOpen =
        writeIntoARocksDbStore(StreamsProperties.streams(config), 500, 4096, () -> registry.get(RocksDbMemoryGauges.USED).gauge().value());

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

  /** Writes incompressible values into a RocksDB store, then reads {@code probe} while the store is open. */
  private static double writeIntoARocksDbStore(Properties streams, int records, int valueBytes, DoubleSupplier probe) {
    Properties props = new Properties();
    props.putAll(streams);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "rocksdb-memory-gauges");
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    Topology topology = new Topology();
    topology.addSource("in", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), "in");
    topology.addProcessor("put", Put::new, "in");
    topology.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("store"), Serdes.ByteArray(), Serdes.ByteArray())
            .withLoggingDisabled(),
        "put");
    Random random = new Random(11);
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
      TestInputTopic<byte[], byte[]> in = driver.createInputTopic("in", new ByteArraySerializer(), new ByteArraySerializer());
      for (int i = 0; i < records; i++) {
        byte[] value = new byte[valueBytes];
        random.nextBytes(value);
        in.pipeInput(Integer.toString(i).getBytes(), value);
      }
      return probe.getAsDouble();
    }
  }

  private static final class Put implements Processor<byte[], byte[], Void, Void> {
    private KeyValueStore<byte[], byte[]> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore("store");
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
      store.put(record.key(), record.value());
    }
  }
}
