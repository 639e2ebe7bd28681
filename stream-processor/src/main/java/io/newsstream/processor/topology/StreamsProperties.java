package io.newsstream.processor.topology;

import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.schemas.serde.AvroSerdeConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Kafka Streams and serde settings derived from {@link ProcessorConfig}. Only settings that
 * differ from Kafka's defaults are set, each with the reason.
 */
public final class StreamsProperties {

  private StreamsProperties() {}

  /** Settings of the registry serdes of the public topics. */
  public static Map<String, Object> serdeConfig(ProcessorConfig config) {
    Map<String, Object> serde = new LinkedHashMap<>();
    serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, config.getSchemaRegistryUrl());
    // Read values into the generated classes the topology is written against.
    serde.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
    return serde;
  }

  /** The main consumer's {@code fetch.min.bytes}: see {@link #streams}. */
  static final int FETCH_MIN_BYTES = 128 * 1024;
  /** The main consumer's {@code fetch.max.wait.ms}: see {@link #streams}. */
  static final int FETCH_MAX_WAIT_MS = 100;

  /** The Kafka Streams configuration of the processor. */
  public static Properties streams(ProcessorConfig config) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getApplicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.getBootstrapServers());
    // A crash must never emit an article twice or lose one (DESIGN.md); consumers of our output
    // read with read_committed.
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    // Dedup state must survive restarts on the same machine instead of being restored from the
    // changelog each time; the default /tmp location is wiped on many hosts.
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.getStateDir().toAbsolutePath().toString());
    // Parallelism inside one instance; more instances scale up to the partition count.
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getNumStreamThreads());
    // Transaction length under exactly_once_v2: the floor of end-to-end latency, made explicit.
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getCommitInterval().toMillis());
    // A task never waits for records of one input that are on the broker but not fetched yet
    // (the default 0 does, to process its inputs in timestamp order). The text-key task reads the
    // probes and the emitted-article notices, the home task articles.raw and the verdicts; while
    // a backlog of articles.raw fills the consumer's fetches, the default kept both from
    // processing anything else, so no article came out until the whole backlog was enriched.
    // Nothing here relies on that order: the reorder window orders the probes by timestamp.
    props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
    // The topology has no global stores, so this changes nothing but Kafka Streams' warning at
    // every start recommending it (it becomes the default in Kafka 5.0). Each stream thread's
    // partition assignor reads the Streams settings again from its main consumer's, which carry
    // only consumer settings and main.consumer.* ones, and warned once per thread without the
    // second line.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
    // Internal topics (repartition, changelogs) get the same durability as our output topics
    // instead of the broker default.
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.getTopicReplicationFactor());
    // Under a steady flow the main consumer's fetches (articles.raw and four repartition topics)
    // returned a few records each; waiting for up to 128 KiB or 100 ms makes fewer, fuller
    // fetches. In the paced benchmark at 2,000 articles/s it took the CPU per article from
    // 0.87-1.00 ms to 0.81-0.85 ms (broker and JVM), at the same end-to-end lag; at low traffic each
    // hop may wait up to 100 ms, next to the 1 s commit interval and the 5 s reorder window.
    props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), FETCH_MIN_BYTES);
    props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), FETCH_MAX_WAIT_MS);
    // Kafka Streams bounds each RocksDB instance's memory alone, and the processor has some 70 of
    // them on 4 partitions: one cache shared by all of them bounds the instance as a whole.
    if (config.getStoreType() == ProcessorConfig.StoreType.ROCKSDB && config.getRocksdbMemory() > 0) {
      props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
      props.put(BoundedRocksDbMemory.MEMORY_CONFIG, Long.toString(config.getRocksdbMemory()));
      props.put(BoundedRocksDbMemory.MEMTABLE_SHARE_CONFIG, Double.toString(config.getRocksdbMemtableShare()));
    }
    props.putAll(config.getStreams());
    return props;
  }

  /** The names of Kafka Streams' own settings. */
  private static final Set<String> STREAMS_NAMES = StreamsConfig.configDef().names();

  /** Prefixes under which Kafka Streams passes a setting to one kind of its clients. */
  private static final Map<String, Set<String>> CLIENT_PREFIXES =
      Map.of(
          StreamsConfig.MAIN_CONSUMER_PREFIX, ConsumerConfig.configNames(),
          StreamsConfig.RESTORE_CONSUMER_PREFIX, ConsumerConfig.configNames(),
          StreamsConfig.GLOBAL_CONSUMER_PREFIX, ConsumerConfig.configNames(),
          StreamsConfig.CONSUMER_PREFIX, ConsumerConfig.configNames(),
          StreamsConfig.PRODUCER_PREFIX, ProducerConfig.configNames(),
          StreamsConfig.ADMIN_CLIENT_PREFIX, AdminClientConfig.configNames());

  /**
   * The keys of {@code streams} (the {@code streams.*} settings) that Kafka Streams and its
   * clients do not know: not a Kafka Streams, consumer, producer or admin setting, bare or under
   * the prefix of a client ({@code main.consumer.}, {@code restore.consumer.}, {@code
   * global.consumer.}, {@code consumer.}, {@code producer.}, {@code admin.}), nor an internal topic
   * setting ({@code topic.}). Kafka passes such a key on unread, so a typo changes nothing; it may
   * still be read by a class of one's own (a RocksDB config setter, a handler).
   */
  public static List<String> unknownKeys(Map<String, String> streams) {
    List<String> unknown = new ArrayList<>();
    for (String key : streams.keySet()) {
      if (!known(key)) {
        unknown.add(key);
      }
    }
    return unknown;
  }

  private static boolean known(String key) {
    if (STREAMS_NAMES.contains(key)
        || ConsumerConfig.configNames().contains(key)
        || ProducerConfig.configNames().contains(key)
        || AdminClientConfig.configNames().contains(key)) {
      return true;
    }
    // Topic settings are the broker's to check, and not listed in the client library.
    if (key.startsWith(StreamsConfig.TOPIC_PREFIX) && key.length() > StreamsConfig.TOPIC_PREFIX.length()) {
      return true;
    }
    for (Map.Entry<String, Set<String>> prefix : CLIENT_PREFIXES.entrySet()) {
      if (key.startsWith(prefix.getKey()) && prefix.getValue().contains(key.substring(prefix.getKey().length()))) {
        return true;
      }
    }
    // Kafka Streams' own settings under main.consumer. (as processing.exception.handler.global.enabled is set above).
    return key.startsWith(StreamsConfig.MAIN_CONSUMER_PREFIX)
        && STREAMS_NAMES.contains(key.substring(StreamsConfig.MAIN_CONSUMER_PREFIX.length()));
  }

  /**
   * Whether the instance leaves its consumer group when it closes. Kafka Streams' own default on
   * the classic group protocol is to stay: a member that returns soon under the same identity then
   * skips a rebalance. But a member without a {@code group.instance.id} (dynamic membership, the
   * default) never returns under the same identity: its partitions stay assigned to it, and are
   * read by nobody, until its session times out (45 s), as after every restart of a single
   * instance. So it leaves, and its partitions move at once; a static member stays.
   */
  public static GroupMembershipOperation membershipOnClose(Properties streams) {
    for (String key : streams.stringPropertyNames()) {
      if (key.equals(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG) || key.endsWith("." + ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
        return GroupMembershipOperation.REMAIN_IN_GROUP;
      }
    }
    return GroupMembershipOperation.LEAVE_GROUP;
  }
}
