package io.newsstream.processor.runtime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.topology.BoundedRocksDbMemory;
import io.newsstream.processor.topology.StreamsProperties;

/**
 * Two gauges for the RocksDB memory bound ({@code rocksdb-memory}): the bound, and what the
 * shared cache holds now (blocks, and the memtables charged to it). Kafka Streams' own
 * {@code kafka_stream_state_block_cache_usage} reports that one cache once per store and task, so
 * its sum over stores means nothing; these are the instance's figures, one each.
 */
final class RocksDbMemoryGauges {

  static final String USED = MicrometerPipelineMetrics.PREFIX + "rocksdb.memory.used";
  static final String LIMIT = MicrometerPipelineMetrics.PREFIX + "rocksdb.memory.limit";

  private RocksDbMemoryGauges() {}

  /** Registers the gauges when the processor's stores share the bounded cache; returns whether it did. */
  static boolean bind(MeterRegistry registry, ProcessorConfig config) {
    if (!BoundedRocksDbMemory.configures(StreamsProperties.streams(config))) {
      return false; // in-memory stores, rocksdb-memory 0, or a setter of the user's own
    }
    long bytes = config.getRocksdbMemory();
    double share = config.getRocksdbMemtableShare();
    Gauge.builder(LIMIT, () -> bytes)
        .baseUnit("bytes")
        .description("Native memory all RocksDB stores of this instance may use together (rocksdb-memory)")
        .register(registry);
    Gauge.builder(USED, () -> BoundedRocksDbMemory.usage(bytes, share).orElse(0))
        .baseUnit("bytes")
        .description("Native memory the RocksDB stores of this instance use now: the shared block cache, memtables charged to it")
        .register(registry);
    return true;
  }
}
