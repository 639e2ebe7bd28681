package io.newsstream.benchmarks;

import io.newsstream.benchmarks.quality.QualityReport;
import io.newsstream.localstack.LocalStack;
import io.newsstream.localstack.kafka.TopicSpec;
import io.newsstream.localstack.process.Readiness;
import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.enrich.ArticleInput;
import io.newsstream.processor.enrich.DefaultArticleEnricher;
import io.newsstream.processor.enrich.EnrichmentConfig;
import io.newsstream.processor.enrich.LanguageDetector;
import io.newsstream.processor.topology.StreamsProperties;
import io.newsstream.processor.topology.TopologyFactory;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.topics.Topics;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Processor benchmark: starts a broker and a schema registry (ephemeral, free ports), pre-loads
 * {@code articles.raw} with Reuters articles as {@code ArticleSubmitted} events (registry wire
 * format, unique URLs, a share of exact and near duplicates), then runs in this JVM, one instance
 * with the processor's default stream threads and {@code exactly_once_v2}, each with a fresh application.id and state
 * directory: (a) the passthrough topology (decode, encode, write) and (b) the real topology from
 * {@link TopologyFactory} with {@link DefaultArticleEnricher}. Each runs until every input article
 * has come out (counted with a read_committed consumer on the output topics). Prints articles/s
 * of each, their ratio, heap after GC and state-store size on disk, per million articles, next
 * to the targets of issue 4.
 *
 * <p>Run with {@code ./newsstream bench processor [options]}; {@code --help} lists the options.
 * Every run is bounded in articles and in time; all traffic goes to 127.0.0.1.
 */
public final class ProcessorBenchmark {

  static {
    Logging.configure();
  }

  static final String USAGE = String.join(System.lineSeparator(),
      "usage: ./newsstream bench processor [options]",
      "  --articles N          articles pre-loaded into articles.raw (default 20000); past the corpus, further",
      "                        originals are corpus articles with their words swapped for others of the same frequency;",
      "                        the harness holds them all, about 1 KB of heap each (past about 500000, raise -Xmx in",
      "                        BENCH_JVM_OPTS; a run that would not fit is refused at the start)",
      "  --duplicate-percent P share of duplicates of earlier articles in the input (default 15)",
      "  --partitions N        partitions of articles.raw and the output topics (default 4)",
      "  --text-key-partitions N  the processor's text-key-partitions (default 0: as --partitions)",
      "  --max-seconds N       time bound of each topology run (default 600)",
      "  --warmup-articles N   run the full topology over the first N articles before the measured run, not measured,",
      "                        so the measured run sees a warm JIT as a long-running processor does (default 5000; 0: cold)",
      "  --streams K=V,...     extra Kafka Streams properties for both topologies (newsstream.processor.streams.*),",
      "                        e.g. --streams main.consumer.max.poll.records=100",
      "  --corpus PATH         default <repo>/../shared/corpus/reuters21578.jsonl",
      "  --work-dir DIR        default <repo>/benchmarks/target/bench-processor (wiped on start)",
      "  --reorder-window D    the processor's near-duplicate-reorder-window for the full topology (default: the",
      "                        processor's, 5s; 0 checks each text probe on arrival), e.g. to measure what the window costs",
      "  --rate R              then also offer the same articles to a fresh full topology at R articles/s while it runs",
      "                        (sent as ingest-service would, receivedAt = when sent) and say whether it kept pace: every",
      "                        article out, the last within the pipeline's latency (the first quarter's p99 lag) plus 1 s",
      "                        of being sent; this measures sustained throughput, which the pre-loaded backlog's figure",
      "                        understates by the pipeline's fixed latency (e.g. --rate 2000; --articles 120000 makes a",
      "                        60 s run of it)",
      "  --rocksdb-memory SIZE the processor's rocksdb-memory for both topologies (default: the processor's, 256MB;",
      "                        0: Kafka Streams' per-store RocksDB defaults, with no bound on their total)",
      "  --profile             CPU-profile the measured full-topology run with async-profiler and print where the",
      "                        stream thread's time went, native code (RocksDB) included; stacks in <work-dir>/full-topology.collapsed",
      "  --repo-root DIR       default: system property newsstream.repo.root, else .");

  private static final Set<String> KNOWN = Set.of("articles", "duplicate-percent", "partitions", "max-seconds", "streams",
      "warmup-articles", "corpus", "work-dir", "repo-root", "profile", "reorder-window", "rate", "text-key-partitions", "rocksdb-memory", "help");

  /** Seconds of paced input below which a run is not held against the throughput target. */
  static final int MIN_SUSTAINED_SECONDS = 60;
  /** The raw topic of the paced run ({@code --rate}). */
  static final String PACED_RAW = "bench.raw.paced";

  static final double TARGET_RATIO = 0.5;
  static final double TARGET_ARTICLES_PER_SECOND = 2_000;
  /** Output quiet for this long, with every input of the application read ({@link #inputConsumed}), ends a run that emitted fewer records than its input. */
  private static final Duration IDLE_END = Duration.ofSeconds(15);
  /** No output for this long while records are still expected: the run's threads are dumped once. */
  private static final Duration STALL = Duration.ofSeconds(60);

  /** What one topology run measured. */
  record RunResult(String name, long input, long output, double seconds, double secondsFromRunning, double cpuSeconds,
      double brokerCpuSeconds, long heapBytes, long heapDeltaBytes, long stateBytes, boolean complete,
      double flowingArticlesPerSecond, double streamThreadCpuSeconds, double enrichCpuSeconds, NativeMemory memory) {

    double articlesPerSecond() {
      return secondsFromRunning > 0 ? input / secondsFromRunning : 0;
    }

    double articlesPerCpuSecond() {
      return cpuSeconds > 0 ? input / cpuSeconds : 0;
    }

    RunResult withEnrichCpu(double seconds) {
      return new RunResult(name, input, output, this.seconds, secondsFromRunning, cpuSeconds, brokerCpuSeconds, heapBytes,
          heapDeltaBytes, stateBytes, complete, flowingArticlesPerSecond, streamThreadCpuSeconds, seconds, memory);
    }
  }

  private final Path workDir;
  private final int partitions;
  /** The processor's text-key-partitions (0: as {@link #partitions}). */
  private final int textKeyPartitions;
  private final Duration bound;
  private final Map<String, String> streamsOverrides;
  private final int warmupArticles;
  private final boolean profile;
  /** The full topology's reorder window, or null for the processor's default. */
  private final Duration reorderWindow;
  /** Articles/s offered to the paced run, or 0 for none. */
  private final int rate;
  /** The processor's rocksdb-memory for every topology of the run. */
  private final long rocksdbMemory;
  private final String tag = Long.toString(System.currentTimeMillis(), 36);
  private LocalStack stack;

  private ProcessorBenchmark(Path workDir, int partitions, int textKeyPartitions, Duration bound, Map<String, String> streamsOverrides,
      int warmupArticles, boolean profile, Duration reorderWindow, int rate, long rocksdbMemory) {
    this.workDir = workDir;
    this.rocksdbMemory = rocksdbMemory;
    this.textKeyPartitions = textKeyPartitions;
    this.rate = rate;
    this.profile = profile;
    this.reorderWindow = reorderWindow;
    this.warmupArticles = warmupArticles;
    this.partitions = partitions;
    this.bound = bound;
    this.streamsOverrides = streamsOverrides;
  }

  /** {@code k=v,k=v} into a map, in order. */
  static Map<String, String> keyValues(String text) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--streams: expected key=value, got '" + pair + "'");
      }
      map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return map;
  }

  public static void main(String[] args) throws Exception {
    // As the processor runs it (Application.main).
    LanguageDetector.runLinguaInCallingThreads();
    Options options;
    Path root;
    int articles;
    int duplicatePercent;
    int partitions;
    int textKeyPartitions;
    Duration bound;
    int warmupArticles;
    Path workDir;
    Map<String, String> streamsOverrides;
    Duration reorderWindow = null;
    int rate;
    long rocksdbMemory;
    try {
      options = Options.parse(args, KNOWN, Set.of("help", "profile"));
      // Every value is read before anything starts, so a wrong one is a usage error, not a stack trace mid-run.
      root = Options.repoRoot(options);
      articles = options.positiveInt("articles", 20_000);
      duplicatePercent = options.intWithin("duplicate-percent", 15, 0, InputMix.MAX_DUPLICATE_PERCENT);
      partitions = options.positiveInt("partitions", 4);
      textKeyPartitions = options.intWithin("text-key-partitions", 0, 0, ProcessorConfig.TEXT_KEY_PARTITIONS_MAX);
      bound = Duration.ofSeconds(options.positiveInt("max-seconds", 600));
      warmupArticles = options.intWithin("warmup-articles", 5000, 0, Integer.MAX_VALUE);
      workDir = options.path("work-dir", root.resolve("benchmarks/target/bench-processor")).toAbsolutePath();
      streamsOverrides = keyValues(options.string("streams", ""));
      rate = options.positiveInt("rate", 0);
      rocksdbMemory = options.bytes("rocksdb-memory", ProcessorConfig.ROCKSDB_MEMORY_DEFAULT);
      try {
        new ProcessorConfig().setRocksdbMemory(rocksdbMemory);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--rocksdb-memory: " + e.getMessage(), e);
      }
      if (options.has("reorder-window")) {
        try {
          reorderWindow = QualityReport.duration(options.string("reorder-window", ""));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--reorder-window: " + e.getMessage(), e);
        }
      }
      String heapProblem = options.flag("help") ? null : InputMix.heapProblem(articles, Runtime.getRuntime().maxMemory());
      if (heapProblem != null) {
        throw new IllegalArgumentException(heapProblem);
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (options.flag("help")) {
      System.out.println(USAGE);
      return;
    }

    System.out.println("== processor benchmark");
    System.out.println("machine: " + Machine.describe());
    List<CorpusArticle> corpus = Corpus.load(options.path("corpus", Corpus.defaultPath(root)));
    List<InputMix.Item> input = InputMix.build(corpus, articles, duplicatePercent, 42);
    Map<InputMix.Kind, Long> kinds = new LinkedHashMap<>();
    input.forEach(item -> kinds.merge(item.kind(), 1L, Long::sum));
    System.out.printf(Locale.ROOT, "input: %d articles from %d usable Reuters articles: %s%n", input.size(), corpus.size(), kinds);

    if (!streamsOverrides.isEmpty()) {
      System.out.println("extra Kafka Streams properties: " + streamsOverrides);
    }
    if (reorderWindow != null) {
      System.out.println("near-duplicate-reorder-window of the full topology: " + reorderWindow);
    }
    if (textKeyPartitions > 0) {
      System.out.println("text-key-partitions of the full topology: " + textKeyPartitions);
    }
    System.out.println("rocksdb-memory: " + (rocksdbMemory == 0 ? "0 (Kafka Streams' per-store defaults, no bound on the total)"
        : (rocksdbMemory >> 20) + " MB shared by every RocksDB store"));
    ProcessorBenchmark bench =
        new ProcessorBenchmark(workDir, partitions, textKeyPartitions, bound, streamsOverrides, warmupArticles, options.flag("profile"), reorderWindow, rate,
            rocksdbMemory);
    Runtime.getRuntime().addShutdownHook(new Thread(bench::stop, "bench-shutdown"));
    try {
      bench.run(input);
    } finally {
      bench.stop();
    }
  }

  private synchronized void stop() {
    if (stack != null) {
      stack.close();
      stack = null;
    }
  }

  private void run(List<InputMix.Item> input) throws Exception {
    WorkDir.wipe(workDir);
    long t = System.nanoTime();
    System.out.println("starting Kafka broker and schema registry…");
    stack = LocalStack.builder().workDir(workDir.resolve("stack")).persistent(false).start();
    System.out.printf("stack ready in %s: kafka %s, registry %s%n", Readiness.secondsSince(t), stack.bootstrapServers(),
        stack.schemaRegistryUrl());

    EnrichmentConfig enrichment = EnrichmentConfig.defaults();
    ProcessorConfig base = config("unused");
    Topics topics = new Topics(base.topicNames(), StreamsProperties.serdeConfig(base));
    List<TopicSpec> specs = new ArrayList<>();
    for (String topic : TopologyFactory.externalTopics(topics, enrichment.topicNames())) {
      specs.add(TopicSpec.of(topic, partitions));
    }
    String warmupOut = "bench.passthrough.warmup";
    String passthroughOut = "bench.passthrough";
    specs.add(TopicSpec.of(warmupOut, partitions));
    specs.add(TopicSpec.of(passthroughOut, partitions));
    if (rate > 0) {
      specs.add(TopicSpec.of(PACED_RAW, partitions));
    }
    stack.createTopics(specs);

    t = System.nanoTime();
    preload(topics, input);
    System.out.printf(Locale.ROOT, "pre-loaded %d articles into %s in %s%n", input.size(), topics.raw().name(),
        Readiness.secondsSince(t));

    // Every topology of the run reports to the same kind of metrics as the measured one: with the
    // no-op metrics in the warm-up, the JIT compiler's type profiles of the processors' metrics
    // calls changed when the measured run started, and it deoptimised and recompiled their hottest
    // methods (the enrichment, inlined, for more than a second each) during the measured run.
    TopologyFactory passthroughFactory = new TopologyFactory(new CountingMetrics(), Clock.systemUTC());
    System.out.println("warm-up: passthrough over the same input (not measured)…");
    ProcessorConfig warm = config("bench-warmup-" + tag);
    runTopology("warm-up passthrough", warm, passthroughFactory.buildPassthrough(warm, topics, warmupOut),
        List.of(warmupOut), input.size());

    ProcessorConfig pass = config("bench-passthrough-" + tag);
    RunResult passthrough = runTopology("passthrough", pass, passthroughFactory.buildPassthrough(pass, topics, passthroughOut),
        List.of(passthroughOut), input.size());

    System.out.println("loading the enricher's models and warming it on 500 articles (not measured)…");
    t = System.nanoTime();
    TimedEnricher enricher = new TimedEnricher(new DefaultArticleEnricher(enrichment));
    for (int i = 0; i < Math.min(500, input.size()); i++) {
      CorpusArticle article = input.get(i).article();
      enricher.enrich(new ArticleInput(article.url(), article.title(), article.body(), null));
    }
    System.out.println("enricher ready in " + Readiness.secondsSince(t));
    if (warmupArticles > 0) {
      // Same topology, own application.id and state: the measured run starts from empty state
      // but with the JIT compiler done with Streams' and the clients' hot paths. Measured cold,
      // the C2 compiler thread took more CPU than the stream thread for the first minute.
      System.out.printf(Locale.ROOT, "warm-up: full topology until %d output records (not measured)…%n",
          Math.min(warmupArticles, input.size()));
      ProcessorConfig warmFull = config("bench-warmup-full-" + tag);
      runTopology("warm-up full topology", warmFull,
          new TopologyFactory(new CountingMetrics(), Clock.systemUTC()).build(warmFull, topics, enricher, enrichment.topicNames()),
          List.of(topics.enriched().name(), topics.duplicates().name(), topics.deadLetter().name()),
          Math.min(warmupArticles, input.size()));
    }
    CountingMetrics metrics = new CountingMetrics();
    enricher.reset();
    ProcessorConfig full = config("bench-full-" + tag);
    Topology topology = new TopologyFactory(metrics, Clock.systemUTC()).build(full, topics, enricher, enrichment.topicNames());
    List<TopicPartition> decisions = partitionsOf(List.of(topics.enriched().name(), topics.duplicates().name()));
    Map<TopicPartition, Long> decisionsFrom = endOffsets(decisions);
    Profiler profiler = profile ? Profiler.start() : null;
    RunResult real = runTopology("full topology", full, topology,
        List.of(topics.enriched().name(), topics.duplicates().name(), topics.deadLetter().name()), input.size())
        .withEnrichCpu(enricher.cpuSeconds());
    String stacks = profiler == null ? null : profiler.stop(workDir.resolve("full-topology.collapsed"));
    System.out.printf(Locale.ROOT, "full topology: processed %d, revisions %d, duplicates %s, failures %s%n",
        metrics.processed.sum(), metrics.revisions.sum(), metrics.duplicates(), metrics.failures());
    Naming naming = dropsNamingUnemitted(topics, decisionsFrom);
    System.out.printf(Locale.ROOT, "full topology: %d of %d drops name an article that was not emitted (a copy checked while the"
        + " article it matches was still being decided; see stream-processor/README.md, known limits)%n", naming.unemitted(),
        naming.drops());

    printSummary(passthrough, real);
    if (stacks != null) {
      String app = full.getApplicationId();
      StackProfile threadProfile = StackProfile.of(stacks, name -> isStreamThread(app, name));
      System.out.printf(Locale.ROOT, "%nwhere the stream thread's CPU went (%s, %,d samples; stacks in %s):%n%s", profiler.event(),
          threadProfile.samples(), workDir.resolve("full-topology.collapsed"), threadProfile.table());
    }
    if (rate > 0) {
      runPaced(enrichment, enricher, input);
    }
  }

  /**
   * The full topology, fresh state, reading {@value #PACED_RAW}, to which the input is sent at
   * {@link #rate} articles/s from the moment the topology runs, each with receivedAt = when sent.
   * Prints the end-to-end lag of the emitted articles by quarter of the run and whether the
   * topology kept pace ({@link PacedLag}).
   */
  private void runPaced(EnrichmentConfig enrichment, TimedEnricher enricher, List<InputMix.Item> input) throws Exception {
    ProcessorConfig paced = config("bench-paced-" + tag);
    paced.setRawTopic(PACED_RAW);
    Topics topics = new Topics(paced.topicNames(), StreamsProperties.serdeConfig(paced));
    CountingMetrics metrics = new CountingMetrics();
    metrics.recordLags();
    Topology topology = new TopologyFactory(metrics, Clock.systemUTC()).build(paced, topics, enricher, enrichment.topicNames());
    System.out.printf(Locale.ROOT, "%npaced run: %d articles offered at %d articles/s (%.1f s of input) to the full topology…%n",
        input.size(), rate, input.size() / (double) rate);
    PacedSender sender = new PacedSender(topics, input);
    RunResult result;
    try {
      result = runTopology("paced full topology", paced, topology,
          List.of(topics.enriched().name(), topics.duplicates().name(), topics.deadLetter().name()), input.size(), sender::start);
    } finally {
      sender.stop();
    }
    PacedLag lag = PacedLag.of(metrics.lags());
    double sentSeconds = sender.seconds();
    double drain = result.secondsFromRunning() - sentSeconds;
    System.out.printf(Locale.ROOT, "paced run: sent %d articles in %.1f s (%.0f articles/s offered, %d asked); %d output records,"
            + " the last %.1f s after the first article was sent and %.1f s after the last%n",
        sender.sent(), sentSeconds, sender.sent() / Math.max(sentSeconds, 1e-9), rate, result.output(), result.secondsFromRunning(),
        drain);
    System.out.printf(Locale.ROOT, "paced run: end-to-end lag of emitted articles (receivedAt to emission, before the commit that"
        + " makes them visible), by quarter of the run in order of emission:%n");
    for (int q = 0; q < lag.quarters().size(); q++) {
      LatencyStats stats = lag.quarters().get(q);
      System.out.printf(Locale.ROOT, "  quarter %d: %5d articles, p50 %6.0f ms, p99 %6.0f ms, max %6.0f ms%n", q + 1, stats.count(),
          stats.p50Millis(), stats.p99Millis(), stats.maxMillis());
    }
    boolean kept = result.complete() && sender.sent() == input.size() && lag.keptPace(drain);
    // A short run says the pipeline absorbed a burst, not what it sustains (docs/benchmarks.md).
    String target = sentSeconds < MIN_SUSTAINED_SECONDS
        ? String.format(Locale.ROOT, "not judged: %.0f s of input, at least %d s needed (--articles %d at this rate)", sentSeconds,
            MIN_SUSTAINED_SECONDS, MIN_SUSTAINED_SECONDS * rate)
        : kept && rate >= TARGET_ARTICLES_PER_SECOND ? "met" : "NOT met";
    System.out.printf(Locale.ROOT, "paced run: %s with %d articles/s (kept pace: every article out, the last at most the pipeline's"
            + " latency, the first quarter's p99 %.1f s, plus %.0f s after it was sent; the median lag grew %+.1f s from the first"
            + " quarter to the last); target >= %.0f articles/s sustained on 2 cores: %s%n",
        kept ? "KEPT PACE" : "did NOT keep pace", rate, lag.latencySeconds(), PacedLag.SLACK_SECONDS, lag.growthSeconds(),
        TARGET_ARTICLES_PER_SECOND, target);
    System.out.printf(Locale.ROOT, "paced run: CPU %.1f s of this JVM (processor, sender and counting consumer) and %.1f s of the"
            + " broker, %s; the stream threads %.3f ms per article%n",
        result.cpuSeconds(), result.brokerCpuSeconds(), cpuPerArticle(result, input.size()),
        1000 * result.streamThreadCpuSeconds() / input.size());
  }

  /**
   * The run's CPU (this JVM and the broker) per article of {@code articles}, and the rate at which
   * that would keep every core of this machine busy.
   */
  private static String cpuPerArticle(RunResult run, long articles) {
    int cores = Runtime.getRuntime().availableProcessors();
    double cpu = Math.max(run.cpuSeconds() + run.brokerCpuSeconds(), 1e-9);
    return String.format(Locale.ROOT, "%.3f ms per article: %d cores fully busy would take about %.0f articles/s",
        1000 * cpu / articles, cores, cores * articles / cpu);
  }

  /** Sends the input to {@value #PACED_RAW} at {@link #rate} articles/s, on a thread of its own. */
  private final class PacedSender {
    private final Topics topics;
    private final List<InputMix.Item> input;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** Made before the topology runs, so that the sender's clock starts with its first article. */
    private final KafkaProducer<String, ArticleSubmitted> producer;
    private volatile long startedAt;
    private volatile long endedAt;
    private volatile boolean stopped;
    private Thread thread;

    PacedSender(Topics topics, List<InputMix.Item> input) {
      this.topics = topics;
      this.input = input;
      this.producer = producer(producerProps(), topics);
    }

    synchronized void start() {
      if (thread != null) {
        return;
      }
      thread = new Thread(this::send, "bench-paced-sender");
      thread.setDaemon(true);
      thread.start();
    }

    private void send() {
      try {
        startedAt = System.nanoTime();
        int next = 0;
        while (next < input.size() && !stopped) {
          // Every article whose time has come: article i is due i / rate seconds after the start.
          long due = Math.min(input.size(), (System.nanoTime() - startedAt) * rate / 1_000_000_000L + 1);
          for (; next < due; next++) {
            producer.send(inputRecord(topics, input.get(next), Instant.now()), (metadata, error) -> {
              if (error != null) {
                failed.incrementAndGet();
              }
            });
            sent.incrementAndGet();
          }
          Thread.sleep(1); // pacing of a load generator, not a wait for a result
        }
        producer.flush();
        endedAt = System.nanoTime();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (failed.get() > 0) {
        System.out.printf(Locale.ROOT, "paced run: %d articles could not be sent%n", failed.get());
      }
    }

    long sent() {
      return sent.get() - failed.get();
    }

    double seconds() {
      long end = endedAt == 0 ? System.nanoTime() : endedAt;
      return startedAt == 0 ? 0 : (end - startedAt) / 1e9;
    }

    void stop() throws InterruptedException {
      stopped = true;
      Thread t;
      synchronized (this) {
        t = thread;
      }
      if (t != null) {
        t.join(TimeUnit.SECONDS.toMillis(30));
      }
      producer.close(Duration.ofSeconds(10));
    }
  }

  private ProcessorConfig config(String applicationId) {
    ProcessorConfig config = new ProcessorConfig();
    config.setBootstrapServers(stack.bootstrapServers());
    config.setSchemaRegistryUrl(stack.schemaRegistryUrl());
    config.setApplicationId(applicationId);
    config.setStateDir(workDir.resolve("state").resolve(applicationId));
    config.setTopicPartitions(partitions);
    config.setTextKeyPartitions(textKeyPartitions);
    config.setStreams(new LinkedHashMap<>(streamsOverrides));
    config.setRocksdbMemory(rocksdbMemory);
    if (reorderWindow != null) {
      config.setNearDuplicateReorderWindow(reorderWindow);
    }
    return config;
  }

  /** Writes the input as ingest-service would: keyed by URL, registry wire format, acks=all, lz4. */
  private void preload(Topics topics, List<InputMix.Item> input) throws Exception {
    Properties props = producerProps();
    // Bulk load: larger batches than the default 16 KiB make the pre-load quicker.
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    // The topic was created a moment ago. With several requests in flight, the first one can
    // reach the broker before it has opened the partition (NOT_LEADER_OR_FOLLOWER) while the
    // next is appended; the first then fails with OUT_OF_ORDER_SEQUENCE_NUMBER until its
    // delivery timeout (KAFKA-15591, seen here with Kafka 4.3.1). One request at a time keeps
    // the order through that retry.
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    AtomicLong failed = new AtomicLong();
    AtomicReference<Exception> firstError = new AtomicReference<>();
    Instant receivedAt = Instant.now();
    try (KafkaProducer<String, ArticleSubmitted> producer = producer(props, topics)) {
      for (InputMix.Item item : input) {
        producer.send(inputRecord(topics, item, receivedAt), (metadata, error) -> {
          if (error != null) {
            failed.incrementAndGet();
            firstError.compareAndSet(null, error);
          }
        });
      }
      producer.flush();
    }
    if (failed.get() > 0) {
      throw new IllegalStateException(
          failed.get() + " input records could not be written; the first failure: " + firstError.get(), firstError.get());
    }
  }

  /** The input's producer settings: as ingest-service's producer, so the input batches look like the service's. */
  private Properties producerProps() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return props;
  }

  private static KafkaProducer<String, ArticleSubmitted> producer(Properties props, Topics topics) {
    return new KafkaProducer<>(props, topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer());
  }

  /** {@code item} as ingest-service would write it to the raw topic: keyed by its unique URL, a new eventId. */
  private ProducerRecord<String, ArticleSubmitted> inputRecord(Topics topics, InputMix.Item item, Instant receivedAt) {
    String url = Articles.uniqueUrl(item.article(), tag, item.urlSequence());
    ArticleSubmitted event =
        Articles.submitted(item.article(), url, UUID.randomUUID().toString(), InputMix.body(item), "bench", receivedAt);
    return new ProducerRecord<>(topics.raw().name(), url, event);
  }

  private RunResult runTopology(String name, ProcessorConfig config, Topology topology, Collection<String> outputs,
      long expected) throws Exception {
    return runTopology(name, config, topology, outputs, expected, null);
  }

  /**
   * Runs {@code topology} until {@code expected} output records. With {@code onRunning} (a paced
   * run: it starts the input) the run's time counts from Kafka Streams RUNNING, when it is called;
   * without (a backlog), from the first sign of processing: RUNNING, a stream thread RUNNING or
   * the first output record, whichever comes first. With two stream threads a fast topology can
   * drain a backlog on the thread that joined first while the application as a whole is still
   * REBALANCING, and the application's RUNNING then came after the last output.
   */
  private RunResult runTopology(String name, ProcessorConfig config, Topology topology, Collection<String> outputs,
      long expected, Runnable onRunning) throws Exception {
    System.out.printf("%s: application.id %s, state dir %s…%n", name, config.getApplicationId(), config.getStateDir());
    long heapBefore = heapAfterGc();
    double cpu0 = seconds(Machine.ownCpu());
    double brokerCpu0 = seconds(Machine.cpu(stack.kafka().process().handle()));
    AtomicLong runningAt = new AtomicLong();
    Properties streamsProps = StreamsProperties.streams(config);
    KafkaStreams streams = new KafkaStreams(topology, streamsProps);
    streams.setStateListener((next, previous) -> {
      if (next == KafkaStreams.State.RUNNING && runningAt.compareAndSet(0, System.nanoTime()) && onRunning != null) {
        onRunning.run();
      }
    });
    long count = 0;
    long started = System.nanoTime();
    long lastOutput = started;
    long deadline = started + bound.toNanos();
    long lastProgress = started;
    // When the output passed 10 % and 90 % of the input: the rate between them is the one once
    // the pipeline is full, without the start-up of a backlog's first transactions.
    long tenPercentAt = 0;
    long ninetyPercentAt = 0;
    long threadRunningAt = 0;
    long firstOutputAt = 0;
    boolean complete = false;
    boolean stallDumped = false;
    try (KafkaConsumer<byte[], byte[]> consumer = countingConsumer(outputs)) {
      streams.start();
      while (System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
        long now = System.nanoTime();
        if (threadRunningAt == 0 && streams.metadataForLocalThreads().stream().anyMatch(t -> "RUNNING".equals(t.threadState()))) {
          threadRunningAt = now;
        }
        if (!records.isEmpty()) {
          count += records.count();
          lastOutput = now;
          if (firstOutputAt == 0) {
            firstOutputAt = now;
          }
          if (tenPercentAt == 0 && count >= expected / 10) {
            tenPercentAt = now;
          }
          if (ninetyPercentAt == 0 && count >= expected * 9 / 10) {
            ninetyPercentAt = now;
          }
        }
        if (count >= expected) {
          complete = true;
          break;
        }
        if (now - lastOutput > IDLE_END.toNanos() && count > 0 && inputConsumed(config.getApplicationId(), config.getRawTopic())) {
          complete = true; // fewer records out than in, and nothing more is coming
          break;
        }
        if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
          throw new IllegalStateException(name + ": Kafka Streams stopped in state " + streams.state());
        }
        if (!stallDumped && now - lastOutput > STALL.toNanos()) {
          stallDumped = true;
          Path dump = workDir.resolve("stall-" + name.replace(' ', '-') + ".txt");
          ThreadDump.write(dump);
          System.out.printf(Locale.ROOT, "  %s: no output for %d s while %s; every thread's stack written to %s%n", name,
              STALL.toSeconds(), streams.state(), dump);
        }
        if (now - lastProgress > TimeUnit.SECONDS.toNanos(5)) {
          lastProgress = now;
          System.out.printf(Locale.ROOT, "  %s: %d/%d output records, %s, %.0f s%n", name, count, expected, streams.state(),
              (now - started) / 1e9);
        }
      }
      long end = lastOutput;
      double cpu = seconds(Machine.ownCpu()) - cpu0;
      double brokerCpu = seconds(Machine.cpu(stack.kafka().process().handle())) - brokerCpu0;
      double streamThreadCpu = streamThreadCpuSeconds(config.getApplicationId());
      long heap = heapAfterGc();
      NativeMemory memory = NativeMemory.of(streams, streamsProps);
      RocksDbWork rocksDbWork = RocksDbWork.of(streams);
      streams.close(Duration.ofSeconds(60));
      long running =
          onRunning != null
              ? (runningAt.get() == 0 ? started : runningAt.get())
              : processingStart(started, runningAt.get(), threadRunningAt, firstOutputAt);
      RunResult result = new RunResult(name, expected, count, (end - started) / 1e9, (end - Math.min(running, end)) / 1e9,
          cpu, brokerCpu, heap, heap - heapBefore, WorkDir.sizeOf(config.getStateDir()), complete,
          flowingRate(expected, tenPercentAt, ninetyPercentAt), streamThreadCpu, 0, memory);
      System.out.printf(Locale.ROOT,
          "  %s: %d output records; %.0f articles/s (%.1f s from %s, %.1f s from start); %.0f articles/s from 10 %% to 90 %%"
              + " of the output%s%n",
          name, count, result.articlesPerSecond(), result.secondsFromRunning(),
          onRunning != null ? "RUNNING" : "the first sign of processing", result.seconds(), result.flowingArticlesPerSecond(),
          complete ? "" : " (stopped by the time bound)");
      if (rocksDbWork != null) {
        System.out.printf(Locale.ROOT, "  %s: RocksDB over the run (DEBUG statistics): %s%n", name, rocksDbWork.describe());
      }
      return result;
    } finally {
      streams.close(Duration.ofSeconds(60));
    }
  }

  /**
   * When processing demonstrably began: the earliest of the given times that is set (non-zero),
   * or {@code started} when none is.
   */
  static long processingStart(long started, long... candidates) {
    boolean found = false;
    long earliest = started;
    for (long candidate : candidates) {
      // System.nanoTime() values: compared by difference, as they may be negative
      if (candidate != 0 && (!found || candidate - earliest < 0)) {
        earliest = candidate;
        found = true;
      }
    }
    return earliest;
  }

  /**
   * CPU seconds used so far by the application's stream threads (named {@code
   * <application.id>-<uuid>-StreamThread-<n>}; their producers' network threads are named {@code
   * kafka-producer-network-thread | …} and do not count).
   */
  private static double streamThreadCpuSeconds(String applicationId) {
    var threads = ManagementFactory.getThreadMXBean();
    long nanos = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      if (isStreamThread(applicationId, name)) {
        nanos += Math.max(0, threads.getThreadCpuTime(thread.getId()));
      }
    }
    return nanos / 1e9;
  }

  /** Whether a thread name is one of the application's stream threads (not their producers' network threads). */
  static boolean isStreamThread(String applicationId, String threadName) {
    return threadName.startsWith(applicationId + "-") && threadName.matches(".*-StreamThread-\\d+");
  }

  /** Articles per second between the output's 10 % and 90 % marks; 0 when it did not pass both. */
  static double flowingRate(long expected, long tenPercentAtNanos, long ninetyPercentAtNanos) {
    if (tenPercentAtNanos == 0 || ninetyPercentAtNanos <= tenPercentAtNanos) {
      return 0;
    }
    long articles = expected * 9 / 10 - expected / 10;
    return articles / ((ninetyPercentAtNanos - tenPercentAtNanos) / 1e9);
  }

  private List<TopicPartition> partitionsOf(Collection<String> topics) {
    List<TopicPartition> list = new ArrayList<>();
    for (String topic : topics) {
      for (int p = 0; p < partitions; p++) {
        list.add(new TopicPartition(topic, p));
      }
    }
    return list;
  }

  /** The committed end of each partition (read_committed: the last stable offset). */
  private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) {
    try (KafkaConsumer<byte[], byte[]> consumer = committedReader()) {
      return consumer.endOffsets(partitions);
    }
  }

  /**
   * Reads what the measured run wrote to articles.enriched and articles.duplicates (from {@code
   * from} to the end) and counts the drops whose duplicateOf is no article on articles.enriched.
   * Read after the run, off the clock.
   */
  private Naming dropsNamingUnemitted(Topics topics, Map<TopicPartition, Long> from) {
    Set<String> emitted = new HashSet<>();
    List<String> named = new ArrayList<>();
    var articles = topics.enriched().valueSerde().deserializer();
    var duplicates = topics.duplicates().valueSerde().deserializer();
    try (KafkaConsumer<byte[], byte[]> consumer = committedReader()) {
      List<TopicPartition> assigned = new ArrayList<>(from.keySet());
      consumer.assign(assigned);
      from.forEach(consumer::seek);
      Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          if (record.topic().equals(topics.enriched().name())) {
            emitted.add(articles.deserialize(record.topic(), record.value()).getArticleId());
          } else {
            named.add(duplicates.deserialize(record.topic(), record.value()).getDuplicateOf());
          }
        }
      }
    }
    return new Naming(named.stream().filter(id -> !emitted.contains(id)).count(), named.size());
  }

  /** Of {@code drops} reports, {@code unemitted} name an article that is not on articles.enriched. */
  record Naming(long unemitted, long drops) {}

  private KafkaConsumer<byte[], byte[]> committedReader() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT));
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private KafkaConsumer<byte[], byte[]> countingConsumer(Collection<String> topics) {
    // Only committed transactions count: what a downstream consumer of the processor would see.
    KafkaConsumer<byte[], byte[]> consumer = committedReader();
    List<TopicPartition> assigned = partitionsOf(topics);
    consumer.assign(assigned);
    // Only what this run writes counts: a warm-up run may have written to the same topics.
    consumer.seekToEnd(assigned);
    assigned.forEach(consumer::position);
    return consumer;
  }

  /**
   * Whether the application's committed offsets have reached the end of articles.raw and of each
   * of its repartition topics (read_committed ends): the stages after the first keep working
   * for a while after articles.raw is read, and a quiet output meanwhile is not the end of a run.
   */
  private boolean inputConsumed(String applicationId, String rawTopic) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      var committed = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata()
          .get(10, TimeUnit.SECONDS);
      List<String> inputs = new ArrayList<>();
      inputs.add(rawTopic);
      for (String topic : admin.listTopics().names().get(10, TimeUnit.SECONDS)) {
        if (topic.startsWith(applicationId + "-") && topic.endsWith("-repartition")) {
          inputs.add(topic);
        }
      }
      Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
      for (var description : admin.describeTopics(inputs).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
        for (var partition : description.partitions()) {
          latest.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest());
        }
      }
      var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
          .get(10, TimeUnit.SECONDS);
      for (var end : ends.entrySet()) {
        var offset = committed.get(end.getKey());
        long consumed = offset == null ? 0 : offset.offset();
        if (consumed < end.getValue().offset()) {
          return false;
        }
      }
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private void printSummary(RunResult passthrough, RunResult real) {
    String line = "-".repeat(140);
    double ratio = real.articlesPerSecond() / passthrough.articlesPerSecond();
    System.out.println();
    System.out.println("== processor benchmark results (" + Machine.describe() + ")");
    System.out.println(line);
    System.out.printf(Locale.ROOT, "%-14s %8s %8s %11s %9s %10s %9s %10s %10s %12s %12s%n", "topology", "input", "output",
        "articles/s", "run s", "JVM CPU-s", "broker", "articles/", "heap MB", "state MB", "state MB per");
    System.out.printf(Locale.ROOT, "%-14s %8s %8s %11s %9s %10s %9s %10s %10s %12s %12s%n", "", "", "", "", "", "",
        "CPU-s", "CPU-s", "after GC", "on disk", "1M articles");
    System.out.println(line);
    for (RunResult r : List.of(passthrough, real)) {
      System.out.printf(Locale.ROOT, "%-14s %8d %8d %11.0f %9.1f %10.1f %9.1f %10.0f %10.0f %12.1f %12.0f%s%n", r.name(),
          r.input(), r.output(), r.articlesPerSecond(), r.secondsFromRunning(), r.cpuSeconds(), r.brokerCpuSeconds(),
          r.articlesPerCpuSecond(), r.heapBytes() / 1048576.0, r.stateBytes() / 1048576.0,
          r.stateBytes() / 1048576.0 / r.input() * 1_000_000, r.complete() ? "" : "  (incomplete: time bound)");
    }
    System.out.println(line);
    if (passthrough.articlesPerSecond() > 0 && real.articlesPerSecond() > 0) {
      System.out.printf(Locale.ROOT, "full / passthrough: %.2f (target >= %.1f: %s)%n", ratio, TARGET_RATIO,
          ratio >= TARGET_RATIO ? "met" : "NOT met");
    } else {
      System.out.printf(Locale.ROOT, "full / passthrough: not measured (a run has no time from its start to its last output)%n");
    }
    System.out.printf(Locale.ROOT, "full topology: %.0f articles/s (target >= %.0f on 2 cores: %s)%n", real.articlesPerSecond(),
        TARGET_ARTICLES_PER_SECOND, real.articlesPerSecond() >= TARGET_ARTICLES_PER_SECOND ? "met" : "NOT met");
    if (real.input() > 0 && real.cpuSeconds() + real.brokerCpuSeconds() > 0) {
      System.out.printf(Locale.ROOT, "full topology: CPU %.1f s of this JVM and %.1f s of the broker, %s%n",
          real.cpuSeconds(), real.brokerCpuSeconds(), cpuPerArticle(real, real.input()));
    }
    if (real.secondsFromRunning() < MIN_SUSTAINED_SECONDS) {
      // A 20,000-article backlog takes 12-20 s, of which the probes' reorder window and the
      // commits of three hops are 7-8 s with the defaults, whatever the rate.
      System.out.printf(Locale.ROOT, "  (in a backlog of %.0f s the pipeline's fixed latency, 7-8 s with the default reorder window and"
              + " commit interval, weighs heavily; for the sustained rate: --articles 240000 --rate 2000, see docs/benchmarks.md)%n",
          real.secondsFromRunning());
    }
    System.out.printf(Locale.ROOT, "once output flows (from 10 %% to 90 %% of the output): passthrough %.0f, full %.0f articles/s%n",
        passthrough.flowingArticlesPerSecond(), real.flowingArticlesPerSecond());
    System.out.printf(Locale.ROOT, "heap after GC while running: passthrough %.0f MB, full %.0f MB (full minus the heap before"
            + " it started: %+.0f MB, i.e. %+.0f MB per million articles if it grew linearly)%n",
        passthrough.heapBytes() / 1048576.0, real.heapBytes() / 1048576.0, real.heapDeltaBytes() / 1048576.0,
        real.heapDeltaBytes() / 1048576.0 / real.input() * 1_000_000);
    System.out.printf(Locale.ROOT, "native memory at the end of the full topology's run: %s%n", real.memory().describe());
    System.out.println("articles/s: input articles / time from the first sign of processing (Kafka Streams or one of its threads RUNNING,"
        + " or the first output) to the last output record (read_committed);");
    System.out.println("  output = records on the passthrough topic, or on articles.enriched + articles.duplicates + articles.dlq.");
    System.out.printf(Locale.ROOT, "stream threads' CPU: passthrough %.1f s (%.3f ms per article), full %.1f s (%.3f ms per article),"
            + " of which enrichment %.1f s (%.3f ms per article)%n",
        passthrough.streamThreadCpuSeconds(), passthrough.streamThreadCpuSeconds() * 1000 / passthrough.input(),
        real.streamThreadCpuSeconds(), real.streamThreadCpuSeconds() * 1000 / real.input(), real.enrichCpuSeconds(),
        real.enrichCpuSeconds() * 1000 / real.input());
    if (real.enrichCpuSeconds() > 0) {
      // Enrichment is the same code in every run, so the rest per unit of it cancels most of the
      // machine's speed from run to run: the figure to compare builds by.
      System.out.printf(Locale.ROOT, "full topology's stream threads, the rest / enrichment: %.2f (compare builds by this, over"
          + " several alternated runs; articles/s moves by +-15 %% between runs of one build)%n",
          (real.streamThreadCpuSeconds() - real.enrichCpuSeconds()) / real.enrichCpuSeconds());
    }
    System.out.printf(Locale.ROOT, "JVM CPU-s: this whole JVM (Streams, enricher, the counting consumer); %s stream thread(s), exactly_once_v2.%n",
        StreamsProperties.streams(config("threads")).get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
  }

  private static long heapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    memory.gc();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
