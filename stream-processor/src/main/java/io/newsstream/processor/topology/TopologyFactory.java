package io.newsstream.processor.topology;

import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.config.ProcessorConfig.NearDuplicateMode;
import io.newsstream.processor.dedup.DedupSerdes;
import io.newsstream.processor.dedup.DedupSettings;
import io.newsstream.processor.dedup.DedupState.NearCheck;
import io.newsstream.processor.dedup.Decided;
import io.newsstream.processor.dedup.DecisionIndexProcessor;
import io.newsstream.processor.dedup.EventDedupProcessor;
import io.newsstream.processor.dedup.Homes;
import io.newsstream.processor.dedup.NearDecisionProcessor;
import io.newsstream.processor.dedup.PartitionNumberPartitioner;
import io.newsstream.processor.dedup.SimHashBlocks;
import io.newsstream.processor.dedup.KeyIndexStore;
import io.newsstream.processor.dedup.KeyIndexStoreBuilder;
import io.newsstream.processor.dedup.TextKeyProcessor;
import io.newsstream.processor.dedup.TextProbeProcessor;
import io.newsstream.processor.dedup.UrlDedupProcessor;
import io.newsstream.processor.enrich.ArticleEnricher;
import io.newsstream.processor.route.TopicRouter;
import io.newsstream.processor.stage.AvroBinarySerde;
import io.newsstream.processor.stage.FailureHandler;
import io.newsstream.processor.stage.Outcome;
import io.newsstream.processor.stage.PipelineMetrics;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.avro.DeadLetter;
import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.schemas.topics.TopicDefinition;
import io.newsstream.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/**
 * Builds the processor's Kafka Streams topology; the runtime only starts what this returns and
 * tests drive exactly the same topology. Stages:
 *
 * <ol>
 *   <li>decode + enrich ({@code articles.raw} bytes to {@link EnrichedArticle}; poison records
 *       and enrichment failures to {@code articles.dlq});
 *   <li>at the article's home partition (murmur2 of its canonical URL; an article read from
 *       another partition goes there through {@value #REPARTITION_HOME} first): SAME_EVENT by
 *       eventId, then SAME_URL_SAME_CONTENT, light edits and revisions by articleId; the article
 *       is parked there while its text probe goes to the text-key partitions that own its keys
 *       ({@value #REPARTITION_TEXT_PROBES}: eventId, content hash, SimHash blocks, containment
 *       keys) and their verdicts come back ({@value #REPARTITION_VERDICTS}): SAME_EVENT under
 *       another URL, SAME_CONTENT, NEAR_DUPLICATE (drops to {@code articles.duplicates});
 *   <li>route to {@code articles.enriched} and {@code articles.topic.<topic>} / {@code general},
 *       keyed by articleId.
 * </ol>
 *
 * Only the text probes and verdicts cross topics when articles are read at home, which they are
 * when {@code articles.raw} is keyed by the canonical URL (as ingest-service writes it) and has
 * {@code topic-partitions} partitions. Every node, store and internal topic has a fixed name, so
 * a changed topology keeps its state.
 */
public final class TopologyFactory {

  /** Articles read away from their home partition, on their way there. */
  public static final String REPARTITION_HOME = "dedup-home";
  /** Text probes, to the text-key partitions that own their keys. */
  public static final String REPARTITION_TEXT_PROBES = "dedup-text-probes";
  /** Verdicts of the text-key partitions, back to the articles' home partitions. */
  public static final String REPARTITION_VERDICTS = "dedup-verdicts";
  /** Emitted articles, to the text-key partitions that hold their keys. */
  public static final String REPARTITION_EMITTED = "dedup-emitted";

  /**
   * Partitions of the text-key step's topics: {@code text-key-partitions} when set, else the
   * configured topic partitions, at most 32.
   */
  public static int textPartitions(ProcessorConfig config) {
    return config.getTextKeyPartitions() > 0
        ? config.getTextKeyPartitions()
        : Math.min(config.getTopicPartitions(), ProcessorConfig.TEXT_KEY_PARTITIONS_MAX);
  }

  /**
   * Home partitions of the articles: the configured topic partitions, which {@code articles.raw}
   * should have too, so that articles are read at home.
   */
  public static int homePartitions(ProcessorConfig config) {
    return config.getTopicPartitions();
  }

  private final PipelineMetrics metrics;
  private final Clock clock;

  public TopologyFactory(PipelineMetrics metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  public TopologyFactory() {
    this(PipelineMetrics.NOOP, Clock.systemUTC());
  }

  /**
   * The full topology.
   *
   * @param taxonomyTopics taxonomy topic names (the enrichment configuration's); each gets an
   *     output stream, plus the general one
   */
  public Topology build(ProcessorConfig config, Topics topics, ArticleEnricher enricher, Collection<String> taxonomyTopics) {
    StreamsBuilder builder = new StreamsBuilder();
    FailureHandler failures = new FailureHandler(config.getErrorMode(), metrics, clock);
    DedupSettings settings =
        new DedupSettings(
            config.getDedupRetention(),
            config.getNearDuplicateDistance(),
            config.getLightEditMaxWords(),
            config.getNearDuplicateContainment(),
            config.getNearDuplicateMaxPublishedGap(),
            config.getNearDuplicateReorderWindow(),
            config.getNearDuplicateMode(),
            config.getNearDuplicateMaxCandidates(),
            textPartitions(config),
            config.isDedupKeyFilter(),
            failures,
            metrics,
            clock);
    Serde<String> keys = Serdes.String();
    AvroBinarySerde<EnrichedArticle> articleSerde = DedupSerdes.article();

    // 1-2. decode and enrich
    KStream<byte[], byte[]> raw =
        builder.stream(topics.raw().name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("source-raw"));
    var deserializer = topics.raw().valueSerde().deserializer();
    KStream<String, EnrichedArticle> articles =
        outcomes(
            raw.process(
                () -> new DecodeEnrichProcessor(deserializer, enricher, failures, metrics, clock), Named.as("decode-enrich")),
            "decode-enrich",
            topics);

    // 3. deduplicate at the article's home partition (murmur2 of its canonical URL): SAME_EVENT
    // and the same-URL rules there; an article read elsewhere goes home first.
    int homes = homePartitions(config);
    Map<String, KStream<String, Placed>> placed =
        articles
            .processValues(() -> new HomeCheck(homes), Named.as("home-check"))
            .split(Named.as("home-"))
            .branch((k, p) -> p.atHome(), Branched.as("here"))
            .defaultBranch(Branched.as("away"));
    KStream<String, EnrichedArticle> moved =
        placed
            .get("home-away")
            .mapValues(Placed::article, Named.as("home-away-article"))
            .repartition(
                Repartitioned.with(keys, articleSerde)
                    .withName(REPARTITION_HOME)
                    .withNumberOfPartitions(homes)
                    .withStreamPartitioner(new Homes.Partitioner()));
    articles =
        placed.get("home-here").mapValues(Placed::article, Named.as("home-here-article")).merge(moved, Named.as("home-merge"));
    articles =
        outcomes(
            articles.processValues(
                fixedKey(() -> new EventDedupProcessor(settings), windowStore(config, EventDedupProcessor.STORE, Serdes.String(), false)),
                Named.as("dedup-event")),
            "dedup-event",
            topics);
    articles =
        outcomes(
            articles.processValues(
                fixedKey(() -> new UrlDedupProcessor(settings), windowStore(config, UrlDedupProcessor.STORE, DedupSerdes.urlHistory(), false)),
                Named.as("dedup-url")),
            "dedup-url",
            topics);
    // 3b. the same or a near text under another URL: the article waits at home in the pending
    // store; its text keys (content hash, SimHash blocks, containment keys) go in one probe to
    // each text-key partition that owns some of them; each answers home with one verdict.
    boolean near = config.getNearDuplicateMode() != NearDuplicateMode.OFF;
    int blocks = near ? SimHashBlocks.blockCount(config.getNearDuplicateDistance()) : 0;
    boolean containment = near && config.getNearDuplicateContainment() > 0.0;
    int textPartitions = textPartitions(config);
    Serde<NearCheck> checkSerde = DedupSerdes.nearCheck();
    // The pending entries change with every verdict, so a cache folds those updates; an article
    // is written once and read once, so its store has no cache to fold anything.
    builder.addStateStore(keyValueStore(config, NearDecisionProcessor.STORE, checkSerde).withCachingEnabled());
    builder.addStateStore(keyValueStore(config, NearDecisionProcessor.ARTICLE_STORE, articleSerde));
    builder.addStateStore(keyValueStore(config, NearDecisionProcessor.HELD_STORE, Serdes.String()));
    builder.addStateStore(windowStore(config, DecisionIndexProcessor.STORE, Serdes.String(), false));
    // Probes held for the reorder window; without a window there is nothing to hold.
    boolean hold = !config.getNearDuplicateReorderWindow().isZero();
    if (hold) {
      builder.addStateStore(keyValueStore(config, TextKeyProcessor.HOLD_STORE, DedupSerdes.heldProbe()));
    }
    builder.addStateStore(windowStore(config, TextKeyProcessor.SKETCH_STORE, DedupSerdes.sketch(), false));
    String[] textKeyStores =
        hold
            ? new String[] {DecisionIndexProcessor.STORE, TextKeyProcessor.SKETCH_STORE, TextKeyProcessor.HOLD_STORE}
            : new String[] {DecisionIndexProcessor.STORE, TextKeyProcessor.SKETCH_STORE};
    KStream<String, NearCheck> verdicts =
        articles
            .process(
                () -> new TextProbeProcessor(blocks, containment, textPartitions),
                Named.as("text-probe"),
                NearDecisionProcessor.STORE,
                NearDecisionProcessor.ARTICLE_STORE)
            .repartition(
                Repartitioned.with(keys, DedupSerdes.textProbe())
                    .withName(REPARTITION_TEXT_PROBES)
                    .withNumberOfPartitions(textPartitions)
                    .withStreamPartitioner(new PartitionNumberPartitioner<>()))
            .process(
                processor(
                    () -> new TextKeyProcessor(settings),
                    textKeyIndex(config)),
                Named.as("dedup-text-key"),
                textKeyStores)
            .repartition(
                Repartitioned.with(keys, checkSerde)
                    .withName(REPARTITION_VERDICTS)
                    .withNumberOfPartitions(homes)
                    .withStreamPartitioner(new PartitionNumberPartitioner<>()));
    // The decision also takes a dropped article out of its URL's history (the same task's store).
    KStream<String, Decided> decided =
        outcomes(
            verdicts.processValues(
                () -> new NearDecisionProcessor(settings),
                Named.as("dedup-near-decide"),
                NearDecisionProcessor.STORE,
                NearDecisionProcessor.ARTICLE_STORE,
                NearDecisionProcessor.HELD_STORE,
                UrlDedupProcessor.STORE),
            "dedup-near-decide",
            topics);
    // Each text-key partition holding a decided article's keys is told whether it was emitted.
    decided
        .flatMap(
            (k, d) -> {
              List<KeyValue<String, String>> notices = new ArrayList<>(Long.bitCount(d.owners()));
              String notice = d.notice();
              for (long bits = d.owners(); bits != 0; bits &= bits - 1) {
                notices.add(KeyValue.pair(Integer.toString(Long.numberOfTrailingZeros(bits)), notice));
              }
              return notices;
            },
            Named.as("text-emitted"))
        .repartition(
            Repartitioned.with(keys, Serdes.String())
                .withName(REPARTITION_EMITTED)
                .withNumberOfPartitions(textPartitions)
                .withStreamPartitioner(new PartitionNumberPartitioner<>()))
        .process(DecisionIndexProcessor::new, Named.as("dedup-text-emitted"), DecisionIndexProcessor.STORE);
    articles =
        decided
            .filter((k, d) -> d.emitted(), Named.as("dedup-near-emitted"))
            .mapValues(Decided::article, Named.as("dedup-near-emitted-article"));

    // 4. route, keyed by articleId
    TopicRouter router = new TopicRouter(taxonomyTopics, topics.names().generalTopic());
    KStream<String, EnrichedArticle> unique =
        articles
            .selectKey((k, a) -> a.getArticleId(), Named.as("key-by-article"))
            .peek((k, a) -> metrics.endToEndLag(Duration.between(a.getReceivedAt(), clock.instant())), Named.as("measure-lag"));
    sink(unique, topics.enriched(), "enriched");
    for (String topic : router.taxonomy()) {
      sink(unique.filter((k, a) -> router.matches(a, topic), Named.as("route-" + topic)), topics.topicStream(topic), topic);
    }
    sink(
        unique.filter((k, a) -> router.isGeneral(a), Named.as("route-" + router.general())),
        topics.topicStream(router.general()),
        router.general());
    return builder.build();
  }

  /**
   * The benchmark baseline: decode articles.raw, encode, write to {@code outputTopic}; no
   * enrichment, no dedup, same serdes and guarantees.
   */
  public Topology buildPassthrough(ProcessorConfig config, Topics topics, String outputTopic) {
    StreamsBuilder builder = new StreamsBuilder();
    TopicDefinition<String, ArticleSubmitted> raw = topics.raw();
    builder.stream(raw.name(), Consumed.with(raw.keySerde(), raw.valueSerde()).withName("source-raw"))
        .peek((k, v) -> metrics.processed(), Named.as("count"))
        .to(outputTopic, Produced.with(raw.keySerde(), raw.valueSerde()).withName("sink-passthrough"));
    return builder.build();
  }

  /** Every topic the full topology reads or writes, for creation at start-up. */
  public static Set<String> externalTopics(Topics topics, Collection<String> taxonomyTopics) {
    TopicRouter router = new TopicRouter(taxonomyTopics, topics.names().generalTopic());
    Set<String> names = new LinkedHashSet<>();
    names.add(topics.raw().name());
    names.add(topics.enriched().name());
    names.add(topics.duplicates().name());
    names.add(topics.deadLetter().name());
    for (String topic : router.taxonomy()) {
      names.add(topics.topicStream(topic).name());
    }
    names.add(topics.topicStream(router.general()).name());
    return names;
  }

  private void sink(KStream<String, EnrichedArticle> stream, TopicDefinition<String, EnrichedArticle> topic, String name) {
    stream
        .peek((k, a) -> metrics.routed(topic.name()), Named.as("count-" + name))
        .to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde()).withName("sink-" + name));
  }

  /** Sends a stage's dead letters and duplicates to their topics and returns what passed. */
  @SuppressWarnings("unchecked")
  private static <T> KStream<String, T> outcomes(KStream<String, Outcome<T>> stream, String stage, Topics topics) {
    Map<String, KStream<String, Outcome<T>>> branches =
        stream
            .split(Named.as(stage + "-"))
            .branch((k, v) -> v instanceof Outcome.Dead, Branched.as("dead"))
            .branch((k, v) -> v instanceof Outcome.Duplicate, Branched.as("duplicate"))
            .defaultBranch(Branched.as("pass"));
    TopicDefinition<byte[], DeadLetter> dlq = topics.deadLetter();
    branches
        .get(stage + "-dead")
        .map(
            (k, v) -> {
              Outcome.Dead<T> dead = (Outcome.Dead<T>) v;
              return KeyValue.pair(dead.key(), dead.letter());
            },
            Named.as(stage + "-dead-letter"))
        .to(dlq.name(), Produced.with(dlq.keySerde(), dlq.valueSerde()).withName(stage + "-sink-dlq"));
    var duplicates = topics.duplicates();
    branches
        .get(stage + "-duplicate")
        .map(
            (k, v) -> {
              var report = ((Outcome.Duplicate<T>) v).report();
              return KeyValue.pair(report.getArticleId(), report);
            },
            Named.as(stage + "-duplicate-report"))
        .to(duplicates.name(), Produced.with(duplicates.keySerde(), duplicates.valueSerde()).withName(stage + "-sink-duplicates"));
    return branches.get(stage + "-pass").mapValues(v -> ((Outcome.Pass<T>) v).value(), Named.as(stage + "-passed"));
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> keyValueStore(ProcessorConfig config, String name, Serde<V> valueSerde) {
    return Stores.keyValueStoreBuilder(
        config.getStoreType() == ProcessorConfig.StoreType.ROCKSDB
            ? Stores.persistentKeyValueStore(name)
            : Stores.inMemoryKeyValueStore(name),
        Serdes.String(),
        valueSerde);
  }

  private static <V> StoreBuilder<?> windowStore(ProcessorConfig config, String name, Serde<V> valueSerde, boolean retainDuplicates) {
    return Stores.windowStoreBuilder(windowSupplier(config, name, retainDuplicates), Serdes.String(), valueSerde);
  }

  /** A dedup window store of the configured type and retention. */
  private static WindowBytesStoreSupplier windowSupplier(ProcessorConfig config, String name, boolean retainDuplicates) {
    Duration retention = config.getDedupRetention();
    // Window size = retention: entries are looked up by timestamp range, never by window, and
    // the segment size follows the retention so expired state is dropped a segment at a time.
    return config.getStoreType() == ProcessorConfig.StoreType.ROCKSDB
        ? Stores.persistentWindowStore(name, retention, retention, retainDuplicates)
        : Stores.inMemoryWindowStore(name, retention, retention, retainDuplicates);
  }

  /**
   * The text-key index: a window store like the others, whose changelog holds one record per
   * indexed article instead of one per key ({@link KeyIndexStore}).
   */
  private static StoreBuilder<KeyIndexStore> textKeyIndex(ProcessorConfig config) {
    return new KeyIndexStoreBuilder(windowSupplier(config, TextKeyProcessor.STORE, true), DedupSerdes.nearEntry());
  }

  private static <K, VIn, VOut> FixedKeyProcessorSupplier<K, VIn, VOut> fixedKey(
      Supplier<FixedKeyProcessor<K, VIn, VOut>> factory, StoreBuilder<?> store) {
    return new FixedKeyProcessorSupplier<>() {
      @Override
      public FixedKeyProcessor<K, VIn, VOut> get() {
        return factory.get();
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(store);
      }
    };
  }

  private static <KIn, VIn, KOut, VOut> ProcessorSupplier<KIn, VIn, KOut, VOut> processor(
      Supplier<Processor<KIn, VIn, KOut, VOut>> factory, StoreBuilder<?> store) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<KIn, VIn, KOut, VOut> get() {
        return factory.get();
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(store);
      }
    };
  }

}
