package io.newsstream.processor.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.convert.format.ReadableBytes;
import io.newsstream.schemas.config.Durations;
import io.newsstream.schemas.config.KafkaClientOverrides;
import io.newsstream.schemas.topics.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Every setting of the stream processor, declared once with its default and meaning. Bound by
 * Micronaut from {@code newsstream.processor.*} (application.yml maps the environment variables
 * onto these keys); tests create it with {@code new ProcessorConfig()} and the setters. Setters
 * validate, so a bad value fails at start-up with the key in the message.
 */
@ConfigurationProperties(ProcessorConfig.PREFIX)
public class ProcessorConfig {

  public static final String PREFIX = "newsstream.processor";

  /** Kafka Streams application.id: names the consumer group, internal topics and state. */
  public static final String APPLICATION_ID_DEFAULT = "newsstream-processor";

  public static final String BOOTSTRAP_SERVERS_DEFAULT = "127.0.0.1:9092";
  public static final String SCHEMA_REGISTRY_URL_DEFAULT = "http://127.0.0.1:8081";

  /** How long dedup state is kept: a duplicate older than this is no longer recognised. */
  public static final Duration DEDUP_RETENTION_DEFAULT = Duration.ofDays(7);

  /** Largest SimHash Hamming distance that still counts as a near-duplicate. */
  public static final int NEAR_DUPLICATE_DISTANCE_DEFAULT = 3;

  /** Upper bound of the pigeonhole block count (distance + 1): 8 blocks of 8 bits. */
  public static final int NEAR_DUPLICATE_DISTANCE_MAX = 7;

  public static final NearDuplicateMode NEAR_DUPLICATE_MODE_DEFAULT = NearDuplicateMode.DROP;

  /**
   * Most words a new version under the same URL may change, add or remove, its numbers unchanged,
   * to be a light edit (a near-duplicate of the version before) rather than a revision.
   */
  public static final int LIGHT_EDIT_MAX_WORDS_DEFAULT = 5;

  /**
   * Share of the shorter text's word shingles that must occur in the other text for a
   * near-duplicate by containment (a trimmed copy, a copy with credit lines added); 0 is off.
   */
  public static final double NEAR_DUPLICATE_CONTAINMENT_DEFAULT = 0.9;

  /**
   * Largest gap between two articles' publication times for a near-duplicate (not the same
   * body): recurring reports repeat their wording a day or a week apart.
   */
  public static final Duration NEAR_DUPLICATE_MAX_PUBLISHED_GAP_DEFAULT = Duration.ofHours(12);
  public static final Duration NEAR_DUPLICATE_REORDER_WINDOW_DEFAULT = Duration.ofSeconds(5);

  /** Candidates compared per SimHash block value, newest first; bounds work on hot blocks. */
  public static final int NEAR_DUPLICATE_MAX_CANDIDATES_DEFAULT = 1_000;

  /**
   * Whether the dedup steps keep an in-memory filter of the keys their window stores hold, so
   * that lookups of other keys skip the store (about 2.5 bytes of heap per stored key).
   */
  public static final boolean DEDUP_KEY_FILTER_DEFAULT = true;

  public static final StoreType STORE_TYPE_DEFAULT = StoreType.ROCKSDB;

  /**
   * Native memory of all RocksDB stores of the instance together: one block cache shared by every
   * store, against which memtables, indexes and filters are charged too. Kafka Streams' own default
   * bounds each RocksDB instance alone (a 50 MB block cache and three 16 MB memtables), and the
   * processor has some 70 of them on 4 partitions (a window store is one per segment); in the
   * processor benchmark they held 1,073-1,094 MB after 240,000 articles. 256 MB cost about 6 % more
   * CPU per article there (within the run-to-run spread); 64 MB halved the throughput (RocksDB
   * flushing and compacting small memtables).
   */
  public static final long ROCKSDB_MEMORY_DEFAULT = 256L * 1024 * 1024;

  /** Least non-zero {@code rocksdb-memory}: below it RocksDB does little but flush. */
  public static final long ROCKSDB_MEMORY_MIN = 16L * 1024 * 1024;

  /** Share of {@link #ROCKSDB_MEMORY_DEFAULT rocksdb-memory} the memtables may fill before RocksDB flushes them. */
  public static final double ROCKSDB_MEMTABLE_SHARE_DEFAULT = 0.5;
  public static final ErrorMode ERROR_MODE_DEFAULT = ErrorMode.DEAD_LETTER;
  public static final int TOPIC_PARTITIONS_DEFAULT = 4;
  /** Largest {@code text-key-partitions}: a decision tracks the verdicts it waits for in a 63-bit set. */
  public static final int TEXT_KEY_PARTITIONS_MAX = 32;
  public static final short TOPIC_REPLICATION_FACTOR_DEFAULT = 1;
  public static final boolean TOPIC_CREATE_DEFAULT = true;
  /**
   * One stream thread per processor the JVM may use: one thread keeps one core busy at most, and
   * the stages of one article run on one thread at a time. On the 2-core benchmark machine two
   * threads took a 120,000-article backlog at 2,284-2,464 articles/s against 1,926 with one, and
   * fell 1.5-2 s behind over a minute at 2,000 articles/s offered instead of 4.3 s.
   */
  public static final int NUM_STREAM_THREADS_DEFAULT = Math.max(1, Runtime.getRuntime().availableProcessors());

  /**
   * The transaction length under exactly_once_v2, the floor of end-to-end latency for a
   * read_committed consumer. Kafka Streams' own default there is 100 ms; every commit ends a
   * transaction that spans every partition written to (repartition topics, changelogs, outputs),
   * so ten a second cost the broker about as much CPU as the articles themselves. One second
   * halved the broker's CPU per article in the processor benchmark, and an article on the
   * near-duplicate path waits out the reorder window (5 s) anyway.
   */
  public static final Duration COMMIT_INTERVAL_DEFAULT = Duration.ofSeconds(1);

  public static final Duration CLOSE_TIMEOUT_DEFAULT = Duration.ofSeconds(30);

  /**
   * How long a stream thread may go without polling before {@code /health} reports it stalled.
   * A stream thread polls on every turn of its loop, idle or busy (every few milliseconds to a
   * second or two under load), so minutes without a poll mean it is blocked inside processing,
   * while Kafka Streams still says RUNNING.
   */
  public static final Duration STALL_TIMEOUT_DEFAULT = Duration.ofMinutes(2);

  /**
   * Whether a stalled stream thread makes the processor exit (status {@value
   * #STALL_EXIT_STATUS}) so that its supervisor restarts it, instead of only reporting the stall.
   */
  public static final boolean STALL_EXIT_DEFAULT = false;

  /** Exit status of a processor that stops itself because a stream thread stalled. */
  public static final int STALL_EXIT_STATUS = 70;

  /**
   * Exit status of a processor that shuts down because its stream threads fail in a way a new
   * thread would repeat (a configuration error, or failures again and again); the status of a
   * start-up that fails, too.
   */
  public static final int FATAL_EXIT_STATUS = 1;

  /** Kafka's largest topic name; internal topics are {@code <application-id>-<name>-<suffix>}. */
  public static final int TOPIC_NAME_MAX_LENGTH = 249;

  /**
   * Longest {@code -<name>-<suffix>} Kafka Streams adds to the application id for an internal
   * topic of the full topology ({@code -dedup-near-held-store-changelog} and the like), with room
   * for stores added later.
   */
  public static final int INTERNAL_TOPIC_SUFFIX_MAX_LENGTH = 60;

  /** Longest {@code application-id} whose internal topic names stay within Kafka's limit. */
  public static final int APPLICATION_ID_MAX_LENGTH = TOPIC_NAME_MAX_LENGTH - INTERNAL_TOPIC_SUFFIX_MAX_LENGTH;

  private static final Pattern APPLICATION_ID_CHARACTERS = Pattern.compile("[a-zA-Z0-9._-]+");

  public static final TopologyMode TOPOLOGY_DEFAULT = TopologyMode.FULL;
  public static final String PASSTHROUGH_TOPIC_DEFAULT = "articles.passthrough";

  /** Which topology the application runs. */
  public enum TopologyMode {
    /** Decode, enrich, deduplicate, route. */
    FULL,
    /** Benchmark baseline: decode and re-encode articles.raw into the passthrough topic. */
    PASSTHROUGH
  }

  /** What happens to near-duplicates (SimHash within the distance, different text). */
  public enum NearDuplicateMode {
    /** Not detected at all: no SimHash steps in the topology. */
    OFF,
    /** Dropped, with a NEAR_DUPLICATE record on articles.duplicates. */
    DROP,
    /** Emitted like a unique article, and also reported on articles.duplicates. */
    FLAG
  }

  /** Where dedup state lives. */
  public enum StoreType {
    /** Persistent RocksDB stores under the state directory (changelogged either way). */
    ROCKSDB,
    /** Heap stores, rebuilt from the changelog on start; for tests and small retention. */
    IN_MEMORY
  }

  /** What a record that cannot be decoded or processed does. */
  public enum ErrorMode {
    /** Written to articles.dlq with its coordinates and reason, counted and logged; processing goes on. */
    DEAD_LETTER,
    /** Counted and logged with its coordinates, not written anywhere; processing goes on. */
    LOG_AND_CONTINUE,
    /** The stream thread fails (and is replaced; repeated failures stop the processor); the record is retried, nothing is skipped. */
    FAIL
  }

  private String applicationId = APPLICATION_ID_DEFAULT;
  private String bootstrapServers = BOOTSTRAP_SERVERS_DEFAULT;
  private String schemaRegistryUrl = SCHEMA_REGISTRY_URL_DEFAULT;
  private Path stateDir = Path.of(System.getProperty("java.io.tmpdir"), "newsstream-processor");
  private Duration dedupRetention = DEDUP_RETENTION_DEFAULT;
  private int nearDuplicateDistance = NEAR_DUPLICATE_DISTANCE_DEFAULT;
  private int lightEditMaxWords = LIGHT_EDIT_MAX_WORDS_DEFAULT;
  private NearDuplicateMode nearDuplicateMode = NEAR_DUPLICATE_MODE_DEFAULT;
  private double nearDuplicateContainment = NEAR_DUPLICATE_CONTAINMENT_DEFAULT;
  private Duration nearDuplicateMaxPublishedGap = NEAR_DUPLICATE_MAX_PUBLISHED_GAP_DEFAULT;
  private Duration nearDuplicateReorderWindow = NEAR_DUPLICATE_REORDER_WINDOW_DEFAULT;
  private int nearDuplicateMaxCandidates = NEAR_DUPLICATE_MAX_CANDIDATES_DEFAULT;
  private boolean dedupKeyFilter = DEDUP_KEY_FILTER_DEFAULT;
  private StoreType storeType = STORE_TYPE_DEFAULT;
  private long rocksdbMemory = ROCKSDB_MEMORY_DEFAULT;
  private double rocksdbMemtableShare = ROCKSDB_MEMTABLE_SHARE_DEFAULT;
  private ErrorMode errorMode = ERROR_MODE_DEFAULT;
  private int topicPartitions = TOPIC_PARTITIONS_DEFAULT;
  private int textKeyPartitions;
  private short topicReplicationFactor = TOPIC_REPLICATION_FACTOR_DEFAULT;
  private boolean topicCreate = TOPIC_CREATE_DEFAULT;
  private int numStreamThreads = NUM_STREAM_THREADS_DEFAULT;
  private Duration commitInterval = COMMIT_INTERVAL_DEFAULT;
  private Duration closeTimeout = CLOSE_TIMEOUT_DEFAULT;
  private Duration stallTimeout = STALL_TIMEOUT_DEFAULT;
  private boolean stallExit = STALL_EXIT_DEFAULT;
  @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
  private Map<String, String> streams = new LinkedHashMap<>();
  private TopologyMode topology = TOPOLOGY_DEFAULT;
  private String rawTopic = TopicNames.RAW_DEFAULT;
  private String enrichedTopic = TopicNames.ENRICHED_DEFAULT;
  private String duplicatesTopic = TopicNames.DUPLICATES_DEFAULT;
  private String deadLetterTopic = TopicNames.DEAD_LETTER_DEFAULT;
  private String topicStreamPrefix = TopicNames.TOPIC_PREFIX_DEFAULT;
  private String generalTopic = TopicNames.GENERAL_TOPIC_DEFAULT;

  /** The topic names these settings give (validated). */
  public TopicNames topicNames() {
    return new TopicNames(rawTopic, enrichedTopic, duplicatesTopic, deadLetterTopic, topicStreamPrefix, generalTopic);
  }

  /** Input topic. Default {@value TopicNames#RAW_DEFAULT}. */
  public String getRawTopic() {
    return rawTopic;
  }

  public void setRawTopic(String rawTopic) {
    this.rawTopic = requireText("raw-topic", rawTopic);
  }

  /** Every unique article and revision. Default {@value TopicNames#ENRICHED_DEFAULT}. */
  public String getEnrichedTopic() {
    return enrichedTopic;
  }

  public void setEnrichedTopic(String enrichedTopic) {
    this.enrichedTopic = requireText("enriched-topic", enrichedTopic);
  }

  /** Duplicate audit trail. Default {@value TopicNames#DUPLICATES_DEFAULT}. */
  public String getDuplicatesTopic() {
    return duplicatesTopic;
  }

  public void setDuplicatesTopic(String duplicatesTopic) {
    this.duplicatesTopic = requireText("duplicates-topic", duplicatesTopic);
  }

  /** Dead letters. Default {@value TopicNames#DEAD_LETTER_DEFAULT}. */
  public String getDeadLetterTopic() {
    return deadLetterTopic;
  }

  public void setDeadLetterTopic(String deadLetterTopic) {
    this.deadLetterTopic = requireText("dead-letter-topic", deadLetterTopic);
  }

  /** Prefix of the per-topic streams. Default {@value TopicNames#TOPIC_PREFIX_DEFAULT}. */
  public String getTopicStreamPrefix() {
    return topicStreamPrefix;
  }

  public void setTopicStreamPrefix(String topicStreamPrefix) {
    this.topicStreamPrefix = requireText("topic-stream-prefix", topicStreamPrefix);
  }

  /** Taxonomy name of the stream for articles that matched no topic. Default {@value TopicNames#GENERAL_TOPIC_DEFAULT}. */
  public String getGeneralTopic() {
    return generalTopic;
  }

  public void setGeneralTopic(String generalTopic) {
    this.generalTopic = requireText("general-topic", generalTopic);
  }
  private String passthroughTopic = PASSTHROUGH_TOPIC_DEFAULT;

  /** FULL or PASSTHROUGH (benchmark baseline). Default FULL. */
  public TopologyMode getTopology() {
    return topology;
  }

  public void setTopology(TopologyMode topology) {
    this.topology = Objects.requireNonNull(topology, PREFIX + ".topology");
  }

  /** Output topic of the PASSTHROUGH topology. Default {@value #PASSTHROUGH_TOPIC_DEFAULT}. */
  public String getPassthroughTopic() {
    return passthroughTopic;
  }

  public void setPassthroughTopic(String passthroughTopic) {
    this.passthroughTopic = requireText("passthrough-topic", passthroughTopic);
  }

  /** Kafka Streams {@code application.id}. Default {@value #APPLICATION_ID_DEFAULT}. */
  public String getApplicationId() {
    return applicationId;
  }

  public void setApplicationId(String applicationId) {
    String id = requireText("application-id", applicationId);
    // Kafka Streams names the consumer group, transactional ids and internal topics after it; an
    // illegal topic name only shows up as stream threads failing over and over.
    if (!APPLICATION_ID_CHARACTERS.matcher(id).matches()) {
      throw invalid("application-id", applicationId,
          "may only hold the characters of a Kafka topic name: letters a-z and A-Z, digits, '.', '_' and '-'");
    }
    if (id.length() > APPLICATION_ID_MAX_LENGTH) {
      throw invalid("application-id", applicationId,
          "is " + id.length() + " characters long; at most " + APPLICATION_ID_MAX_LENGTH + ", so that internal topic names"
              + " (<application-id>-<name>-changelog) stay within Kafka's " + TOPIC_NAME_MAX_LENGTH);
    }
    this.applicationId = id;
  }

  /** Kafka bootstrap servers, {@code host:port[,host:port]}. Env KAFKA_BOOTSTRAP_SERVERS. */
  public String getBootstrapServers() {
    return bootstrapServers;
  }

  public void setBootstrapServers(String bootstrapServers) {
    this.bootstrapServers = requireText("bootstrap-servers", bootstrapServers);
  }

  /** Confluent-compatible registry base URL, or {@code mock://scope}. Env SCHEMA_REGISTRY_URL. */
  public String getSchemaRegistryUrl() {
    return schemaRegistryUrl;
  }

  public void setSchemaRegistryUrl(String schemaRegistryUrl) {
    this.schemaRegistryUrl = requireText("schema-registry-url", schemaRegistryUrl);
  }

  /** Kafka Streams state directory (RocksDB stores, checkpoints). Env NEWSSTREAM_STATE_DIR. */
  public Path getStateDir() {
    return stateDir;
  }

  public void setStateDir(Path stateDir) {
    this.stateDir = Objects.requireNonNull(stateDir, PREFIX + ".state-dir");
  }

  /** How long dedup stores remember an event, URL, content hash or SimHash. Default 7d. */
  public Duration getDedupRetention() {
    return dedupRetention;
  }

  public void setDedupRetention(Duration dedupRetention) {
    if (dedupRetention == null || dedupRetention.toMillis() < 1) {
      throw invalid("dedup-retention", dedupRetention, "must be a positive duration");
    }
    this.dedupRetention = dedupRetention;
  }

  /** Largest SimHash Hamming distance counted as a near-duplicate, 0 to 7. Default 3. */
  public int getNearDuplicateDistance() {
    return nearDuplicateDistance;
  }

  public void setNearDuplicateDistance(int nearDuplicateDistance) {
    if (nearDuplicateDistance < 0 || nearDuplicateDistance > NEAR_DUPLICATE_DISTANCE_MAX) {
      throw invalid("near-duplicate-distance", nearDuplicateDistance, "must be 0 to " + NEAR_DUPLICATE_DISTANCE_MAX);
    }
    this.nearDuplicateDistance = nearDuplicateDistance;
  }

  /**
   * Most words a new version under the same URL may change, add or remove (its numbers
   * unchanged) to be a light edit, dropped or flagged as a near-duplicate of the version before;
   * more is a revision. 0 makes every change of the words a revision. Default 5.
   */
  public int getLightEditMaxWords() {
    return lightEditMaxWords;
  }

  public void setLightEditMaxWords(int lightEditMaxWords) {
    if (lightEditMaxWords < 0 || lightEditMaxWords > 1_000) {
      throw invalid("light-edit-max-words", lightEditMaxWords, "must be 0 to 1000");
    }
    this.lightEditMaxWords = lightEditMaxWords;
  }

  /**
   * Estimated share of the shorter text's shingles found in the other that makes a
   * near-duplicate by containment, above 0 to 1; 0 turns the rule off (SimHash distance only).
   * Default 0.9.
   */
  public double getNearDuplicateContainment() {
    return nearDuplicateContainment;
  }

  public void setNearDuplicateContainment(double nearDuplicateContainment) {
    if (!(nearDuplicateContainment >= 0.0 && nearDuplicateContainment <= 1.0)) {
      throw invalid("near-duplicate-containment", nearDuplicateContainment, "must be 0 (off) to 1");
    }
    this.nearDuplicateContainment = nearDuplicateContainment;
  }

  /**
   * Largest gap between the publication times of two articles with different bodies that can be
   * near-duplicates, when both are known; {@code 0} means no limit. Default 12h.
   */
  public Duration getNearDuplicateMaxPublishedGap() {
    return nearDuplicateMaxPublishedGap;
  }

  public void setNearDuplicateMaxPublishedGap(Duration nearDuplicateMaxPublishedGap) {
    if (nearDuplicateMaxPublishedGap == null || nearDuplicateMaxPublishedGap.isNegative()) {
      throw invalid("near-duplicate-max-published-gap", nearDuplicateMaxPublishedGap, "must be a duration, 0 for no limit");
    }
    this.nearDuplicateMaxPublishedGap = nearDuplicateMaxPublishedGap;
  }

  /**
   * How long (wall clock) the text-key step holds an article's probe: it checks what it holds in
   * timestamp order, each probe once it and every probe before it have been held this long, so
   * that an original read after its copy (a backlog read unevenly across partitions) is still
   * checked first. {@code 0} checks each probe on arrival. Default 5s, which adds at least that
   * much latency.
   */
  public Duration getNearDuplicateReorderWindow() {
    return nearDuplicateReorderWindow;
  }

  public void setNearDuplicateReorderWindow(Duration nearDuplicateReorderWindow) {
    if (nearDuplicateReorderWindow == null || nearDuplicateReorderWindow.isNegative()) {
      throw invalid("near-duplicate-reorder-window", nearDuplicateReorderWindow, "must be a duration, 0 to check on arrival");
    }
    this.nearDuplicateReorderWindow = nearDuplicateReorderWindow;
  }

  /** OFF, DROP or FLAG. Default DROP. */
  public NearDuplicateMode getNearDuplicateMode() {
    return nearDuplicateMode;
  }

  public void setNearDuplicateMode(NearDuplicateMode nearDuplicateMode) {
    this.nearDuplicateMode = Objects.requireNonNull(nearDuplicateMode, PREFIX + ".near-duplicate-mode");
  }

  /** Candidates compared per SimHash block value, newest first. Default 1000. */
  public int getNearDuplicateMaxCandidates() {
    return nearDuplicateMaxCandidates;
  }

  public void setNearDuplicateMaxCandidates(int nearDuplicateMaxCandidates) {
    if (nearDuplicateMaxCandidates < 1) {
      throw invalid("near-duplicate-max-candidates", nearDuplicateMaxCandidates, "must be at least 1");
    }
    this.nearDuplicateMaxCandidates = nearDuplicateMaxCandidates;
  }

  /**
   * Whether the event, URL and text-key steps keep a Bloom filter of the keys their window store
   * holds and skip the store for other keys. Default true; false saves the filters' heap (about
   * 130 bytes per article within the retention) at the cost of a store lookup per key.
   */
  public boolean isDedupKeyFilter() {
    return dedupKeyFilter;
  }

  public void setDedupKeyFilter(boolean dedupKeyFilter) {
    this.dedupKeyFilter = dedupKeyFilter;
  }

  /** ROCKSDB or IN_MEMORY dedup stores. Default ROCKSDB. */
  public StoreType getStoreType() {
    return storeType;
  }

  public void setStoreType(StoreType storeType) {
    this.storeType = Objects.requireNonNull(storeType, PREFIX + ".store-type");
  }

  /**
   * Bytes of native memory for all RocksDB stores of the instance (block cache, memtables, indexes
   * and filters in one shared cache). Default 256MB; 0 leaves each store Kafka Streams' own
   * per-store default, with no bound on the total.
   */
  public long getRocksdbMemory() {
    return rocksdbMemory;
  }

  public void setRocksdbMemory(@ReadableBytes long rocksdbMemory) {
    if (rocksdbMemory < 0 || (rocksdbMemory > 0 && rocksdbMemory < ROCKSDB_MEMORY_MIN)) {
      throw invalid("rocksdb-memory", rocksdbMemory, "must be 0 (Kafka Streams' per-store default) or at least 16MB");
    }
    this.rocksdbMemory = rocksdbMemory;
  }

  /** Share of {@code rocksdb-memory} the memtables may fill before they are flushed, above 0 and below 1. Default 0.5. */
  public double getRocksdbMemtableShare() {
    return rocksdbMemtableShare;
  }

  public void setRocksdbMemtableShare(double rocksdbMemtableShare) {
    if (!(rocksdbMemtableShare > 0 && rocksdbMemtableShare < 1)) {
      throw invalid("rocksdb-memtable-share", rocksdbMemtableShare, "must be above 0 and below 1");
    }
    this.rocksdbMemtableShare = rocksdbMemtableShare;
  }

  /** DEAD_LETTER, LOG_AND_CONTINUE or FAIL. Default DEAD_LETTER. */
  public ErrorMode getErrorMode() {
    return errorMode;
  }

  public void setErrorMode(ErrorMode errorMode) {
    this.errorMode = Objects.requireNonNull(errorMode, PREFIX + ".error-mode");
  }

  /** Partitions of output topics created at start-up. Default 4. */
  public int getTopicPartitions() {
    return topicPartitions;
  }

  public void setTopicPartitions(int topicPartitions) {
    if (topicPartitions < 1) {
      throw invalid("topic-partitions", topicPartitions, "must be at least 1");
    }
    this.topicPartitions = topicPartitions;
  }

  /**
   * Partitions of the text-key step's topic ({@code dedup-text-probes}, and {@code
   * dedup-emitted}); 0 (the default): {@code topic-partitions}, at most {@value
   * #TEXT_KEY_PARTITIONS_MAX}. An article's probe goes to each of them that owns one of its keys,
   * so fewer cost less per article and let fewer stream threads share the step.
   */
  public int getTextKeyPartitions() {
    return textKeyPartitions;
  }

  public void setTextKeyPartitions(int textKeyPartitions) {
    if (textKeyPartitions < 0 || textKeyPartitions > TEXT_KEY_PARTITIONS_MAX) {
      throw invalid(
          "text-key-partitions", textKeyPartitions, "must be 0 (as topic-partitions) or 1 to " + TEXT_KEY_PARTITIONS_MAX);
    }
    this.textKeyPartitions = textKeyPartitions;
  }

  /** Replication factor of topics created at start-up and of internal topics. Default 1. */
  public short getTopicReplicationFactor() {
    return topicReplicationFactor;
  }

  public void setTopicReplicationFactor(short topicReplicationFactor) {
    if (topicReplicationFactor < 1) {
      throw invalid("topic-replication-factor", topicReplicationFactor, "must be at least 1");
    }
    this.topicReplicationFactor = topicReplicationFactor;
  }

  /** Create missing topics at start-up; when false a missing topic stops start-up. Default true. */
  public boolean isTopicCreate() {
    return topicCreate;
  }

  public void setTopicCreate(boolean topicCreate) {
    this.topicCreate = topicCreate;
  }

  /** Kafka Streams {@code num.stream.threads}. Default 1. */
  public int getNumStreamThreads() {
    return numStreamThreads;
  }

  public void setNumStreamThreads(int numStreamThreads) {
    if (numStreamThreads < 1) {
      throw invalid("num-stream-threads", numStreamThreads, "must be at least 1");
    }
    this.numStreamThreads = numStreamThreads;
  }

  /** Kafka Streams {@code commit.interval.ms}: transaction length under exactly_once_v2. Default 1s. */
  public Duration getCommitInterval() {
    return commitInterval;
  }

  public void setCommitInterval(Duration commitInterval) {
    if (commitInterval == null || commitInterval.isNegative() || commitInterval.isZero()) {
      throw invalid("commit-interval", commitInterval, "must be a positive duration");
    }
    this.commitInterval = commitInterval;
  }

  /** How long shutdown waits for Kafka Streams to close. Default 30s. */
  public Duration getCloseTimeout() {
    return closeTimeout;
  }

  public void setCloseTimeout(Duration closeTimeout) {
    if (closeTimeout == null || closeTimeout.isNegative()) {
      throw invalid("close-timeout", closeTimeout, "must not be negative");
    }
    this.closeTimeout = closeTimeout;
  }

  /**
   * A stream thread that has not polled for this long is reported stalled ({@code /health} DOWN,
   * its stack logged). Default 2m; 0 turns the check off.
   */
  public Duration getStallTimeout() {
    return stallTimeout;
  }

  public void setStallTimeout(Duration stallTimeout) {
    if (stallTimeout == null || stallTimeout.isNegative()) {
      throw invalid("stall-timeout", stallTimeout, "must not be negative");
    }
    if (!stallTimeout.isZero() && stallTimeout.compareTo(Duration.ofSeconds(2)) < 0) {
      throw invalid("stall-timeout", stallTimeout, "must be 0 (off) or at least 2s (the consumer reports whole seconds)");
    }
    this.stallTimeout = stallTimeout;
  }

  /**
   * Whether the processor exits (status {@value #STALL_EXIT_STATUS}, after logging the stalled
   * thread's stack and closing) when a stream thread stalls, so that a supervisor that restarts
   * it on exit (systemd, Docker's restart policy) recovers it. Default false: report only.
   */
  public boolean isStallExit() {
    return stallExit;
  }

  public void setStallExit(boolean stallExit) {
    this.stallExit = stallExit;
  }

  /**
   * Extra Kafka Streams properties passed through unchanged (for example {@code
   * statestore.cache.max.bytes}); applied last, so they override everything above. Bound flat, so
   * a key keeps its dots; from an environment variable ({@code
   * NEWSSTREAM_PROCESSOR_STREAMS_CLIENT_ID}) only the dotted reading is kept.
   */
  public Map<String, String> getStreams() {
    return streams;
  }

  public void setStreams(Map<String, String> streams) {
    this.streams = KafkaClientOverrides.canonical(streams);
  }

  private static String requireText(String key, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(key, value, "must not be blank");
    }
    return value.trim();
  }

  private static IllegalArgumentException invalid(String key, Object value, String rule) {
    String shown = value instanceof Duration duration ? Durations.readable(duration) : String.valueOf(value);
    return new IllegalArgumentException(PREFIX + "." + key + "=" + shown + ": " + rule);
  }
}
