package io.newsstream.processor.testing;

import java.util.Properties;
import java.util.Random;
import java.util.function.ToDoubleFunction;
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

/**
 * Writes incompressible values into one real RocksDB key-value store under Kafka Streams ({@link
 * TopologyTestDriver}, no record cache in front, no changelog), for tests of RocksDB's memory.
 */
public final class RocksDbWrites {

  private RocksDbWrites() {}

  /**
   * Writes {@code records} random values of {@code valueBytes} each and returns the largest value
   * of {@code probe}, read every {@code probeEvery} records and after the last, while the store is
   * open.
   */
  public static double write(Properties streams, int records, int valueBytes, int probeEvery,
      ToDoubleFunction<TopologyTestDriver> probe) {
    Properties props = new Properties();
    props.putAll(streams);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    Topology topology = new Topology();
    topology.addSource("in", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), "in");
    topology.addProcessor("put", Put::new, "in");
    topology.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("store"), Serdes.ByteArray(), Serdes.ByteArray())
            .withLoggingDisabled(),
        "put");
    Random random = new Random(7);
    double largest = Double.NEGATIVE_INFINITY;
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
      TestInputTopic<byte[], byte[]> in = driver.createInputTopic("in", new ByteArraySerializer(), new ByteArraySerializer());
      for (int i = 0; i < records; i++) {
        byte[] value = new byte[valueBytes];
        random.nextBytes(value);
        in.pipeInput(Integer.toString(i).getBytes(), value);
        if (i % probeEvery == probeEvery - 1) {
          largest = Math.max(largest, probe.applyAsDouble(driver));
        }
      }
      return Math.max(largest, probe.applyAsDouble(driver));
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
