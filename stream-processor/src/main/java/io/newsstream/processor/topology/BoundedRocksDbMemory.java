package io.newsstream.processor.topology;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the native memory of every RocksDB store of the JVM by one total, as Kafka Streams'
 * documentation describes ("Memory management", {@code BoundedMemoryRocksDBConfig}). Kafka
 * Streams' own default gives each RocksDB instance a 50 MB block cache and up to three 16 MB
 * memtables; a window store is one instance per segment (two or three live segments), and each
 * task has its own stores, so the processor's 8 stores over 4 partitions are some 70 instances
 * whose native memory has no bound but the data. Here all of them share one LRU block cache of
 * {@link #MEMORY_CONFIG} bytes, against which the memtables are charged too (a {@link
 * WriteBufferManager} flushes memtables once they hold {@link #MEMTABLE_SHARE_CONFIG} of it), and
 * index and filter blocks live in the cache with high priority instead of outside any bound.
 *
 * <p>Kafka Streams instantiates this class for each store and passes it every Streams setting, so
 * the bound travels as two Streams properties ({@link StreamsProperties#streams}). One cache and
 * one write buffer manager exist per distinct pair of settings in the JVM, shared by every store
 * and every Kafka Streams instance configured alike, and live as long as the JVM: closing a store
 * must not free what the others still use.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

  /** Total bytes for block cache, memtables, indexes and filters of all RocksDB stores of the JVM. */
  public static final String MEMORY_CONFIG = "newsstream.rocksdb.memory.bytes";

  /** Share of {@link #MEMORY_CONFIG} the memtables may take before they are flushed, in (0, 1). */
  public static final String MEMTABLE_SHARE_CONFIG = "newsstream.rocksdb.memtable.share";

  /** Share of the cache kept for index and filter blocks (RocksDB's high-priority pool). */
  static final double INDEX_FILTER_SHARE = 0.1;

  private record Bound(long bytes, double memtableShare) {}

  private record Shared(Cache cache, WriteBufferManager writeBuffers) {}

  private static final Map<Bound, Shared> SHARED = new ConcurrentHashMap<>();

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Shared shared = SHARED.computeIfAbsent(bound(configs), BoundedRocksDbMemory::create);
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(shared.cache());
    // Index and filter blocks inside the bound, kept ahead of data blocks, the top level pinned.
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(shared.writeBuffers());
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write buffer manager are shared by every store: nothing to free here.
  }

  /** Whether Kafka Streams properties configure their RocksDB stores with this class. */
  public static boolean configures(Map<?, ?> streamsProperties) {
    return BoundedRocksDbMemory.class.getName()
        .equals(String.valueOf(streamsProperties.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)));
  }

  /** Bytes the shared cache holds now (blocks and charged memtables), when stores were configured with {@code bytes}. */
  public static OptionalLong usage(long bytes, double memtableShare) {
    Shared shared = SHARED.get(new Bound(bytes, memtableShare));
    return shared == null ? OptionalLong.empty() : OptionalLong.of(shared.cache().getUsage());
  }

  private static Shared create(Bound bound) {
    Cache cache = new LRUCache(bound.bytes(), -1, false, INDEX_FILTER_SHARE);
    WriteBufferManager writeBuffers = new WriteBufferManager((long) (bound.bytes() * bound.memtableShare()), cache);
    return new Shared(cache, writeBuffers);
  }

  static Bound bound(Map<String, Object> configs) {
    long bytes = Long.parseLong(required(configs, MEMORY_CONFIG));
    double share = Double.parseDouble(required(configs, MEMTABLE_SHARE_CONFIG));
    if (bytes <= 0) {
      throw new ConfigException(MEMORY_CONFIG, bytes, "must be positive");
    }
    if (!(share > 0 && share < 1)) {
      throw new ConfigException(MEMTABLE_SHARE_CONFIG, share, "must be between 0 and 1 (exclusive)");
    }
    return new Bound(bytes, share);
  }

  private static String required(Map<String, Object> configs, String key) {
    Object value = configs.get(key);
    if (value == null) {
      throw new ConfigException(key, null, "is required by " + BoundedRocksDbMemory.class.getSimpleName());
    }
    return Objects.toString(value).trim();
  }
}
