package io.newsstream.benchmarks;

import io.newsstream.localstack.DevApiKey;
import io.newsstream.localstack.LocalStack;
import io.newsstream.localstack.kafka.TopicSpec;
import io.newsstream.localstack.process.ChildProcess;
import io.newsstream.localstack.process.Ports;
import io.newsstream.localstack.process.Readiness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Ingest benchmark: starts a broker and a schema registry (ephemeral, free ports), ingest-service
 * from its runnable jar as a child JVM, and drives it over HTTP with Reuters articles under unique
 * URLs: single-article POSTs at 1, 8 and 64 concurrent clients, then batches of 100 and 1,000
 * (JSON array and NDJSON). Afterwards it runs Kafka's own ProducerPerformance against the same
 * broker with the same record count and mean record size, {@code acks=all}, and prints our batch
 * throughput as a ratio of its records/s. Prints articles/s, MB/s of request bodies, p50/p99
 * request latency and the CPU time each process used, next to the targets of issue 3.
 *
 * <p>Run with {@code ./newsstream bench ingest [options]}; {@code --help} lists the options.
 * Every scenario is bounded in requests and in time; all traffic goes to 127.0.0.1.
 */
public final class IngestBenchmark {

  static {
    Logging.configure();
  }

  static final String USAGE = String.join(System.lineSeparator(),
      "usage: ./newsstream bench ingest [options]",
      "  --single-requests N   requests per single-POST scenario (default 3000)",
      "  --batch-articles N    articles per batch scenario, and ProducerPerformance's record count (default 20000)",
      "  --batch-clients N     concurrent clients of the batch scenarios (default 4)",
      "  --warmup-requests N   before measuring: N single POSTs at 8 and at 64 clients, N articles in batches",
      "                        of 100 and of 1000 (default 3000)",
      "  --max-seconds N       time bound of each scenario; unsent requests are dropped (default 120)",
      "  --partitions N        partitions of articles.raw and of ProducerPerformance's topic (default 4)",
      "  --service-jvm-opts S  JVM options of ingest-service (default -Xmx512m, as ./newsstream up)",
      "  --jfr                 record a JFR profile of ingest-service into <work dir>/ingest-service.jfr",
      "  --corpus PATH         default <repo>/../shared/corpus/reuters21578.jsonl",
      "  --ingest-jar PATH     default <repo>/ingest-service/target/ingest-service-0.1.0-SNAPSHOT-all.jar",
      "  --work-dir DIR        default <repo>/benchmarks/target/bench-ingest (wiped on start)",
      "  --repo-root DIR       default: system property newsstream.repo.root, else .");

  private static final Set<String> FLAGS = Set.of("jfr", "help");
  private static final Set<String> KNOWN = Set.of("single-requests", "batch-articles", "batch-clients",
      "warmup-requests", "max-seconds", "partitions", "service-jvm-opts", "jfr", "corpus", "ingest-jar", "work-dir",
      "repo-root", "help");

  static final String RAW_TOPIC = "articles.raw";
  static final String BASELINE_TOPIC = "bench.raw";
  static final double SINGLE_TARGET_ARTICLES_PER_SECOND = 1_500;
  static final int SINGLE_TARGET_CLIENTS = 64;
  static final double BATCH_TARGET_RATIO = 0.5;

  private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final List<CorpusArticle> corpus;
  private final String tag = Long.toString(System.currentTimeMillis(), 36);
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong warmupAccepted = new AtomicLong();
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private URI singleUri;
  private URI batchUri;
  private String apiKey;
  private ChildProcess ingest;
  private LocalStack stack;

  private IngestBenchmark(List<CorpusArticle> corpus) {
    this.corpus = corpus;
  }

  public static void main(String[] args) throws Exception {
    Options options;
    Path root;
    int singleRequests;
    int batchArticles;
    int batchClients;
    int warmup;
    Duration bound;
    int partitions;
    Path jar;
    Path workDir;
    List<String> jvmOptions;
    try {
      options = Options.parse(args, KNOWN, FLAGS);
      // Every value is read before anything starts, so a wrong one is a usage error, not a stack trace mid-run.
      root = Options.repoRoot(options);
      singleRequests = options.positiveInt("single-requests", 3000);
      batchArticles = options.positiveInt("batch-articles", 20_000);
      batchClients = options.positiveInt("batch-clients", 4);
      warmup = options.positiveInt("warmup-requests", 3000);
      bound = Duration.ofSeconds(options.positiveInt("max-seconds", 120));
      partitions = options.positiveInt("partitions", 4);
      jar = options.path("ingest-jar", root.resolve("ingest-service/target/ingest-service-0.1.0-SNAPSHOT-all.jar"));
      workDir = options.path("work-dir", root.resolve("benchmarks/target/bench-ingest")).toAbsolutePath();
      jvmOptions = new ArrayList<>(List.of(options.string("service-jvm-opts", "-Xmx512m").trim().split("\\s+")));
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
    if (!Files.isRegularFile(jar)) {
      System.err.println("ingest-service jar not found: " + jar + " (build it: ./mvnw -q -DskipTests -pl ingest-service -am install)");
      System.exit(1);
    }

    System.out.println("== ingest benchmark");
    System.out.println("machine: " + Machine.describe());
    List<CorpusArticle> corpus = Corpus.load(options.path("corpus", Corpus.defaultPath(root)));
    int recordBytes = Articles.meanRecordBytes(corpus);
    long jsonBytes = corpus.stream().mapToLong(a -> Articles.json(a, a.url()).length).sum();
    System.out.printf(Locale.ROOT, "corpus: %d usable Reuters articles, mean JSON %d bytes, mean ArticleSubmitted record %d bytes%n",
        corpus.size(), jsonBytes / corpus.size(), recordBytes);

    IngestBenchmark bench = new IngestBenchmark(corpus);
    Runtime.getRuntime().addShutdownHook(new Thread(bench::stop, "bench-shutdown"));
    try {
      bench.start(workDir, jar, jvmOptions, options.flag("jfr"), partitions);
      bench.runAll(singleRequests, batchArticles, batchClients, warmup, bound, recordBytes, workDir, partitions);
    } finally {
      bench.stop();
    }
  }

  private void start(Path workDir, Path jar, List<String> jvmOptions, boolean jfr, int partitions) {
    WorkDir.wipe(workDir);
    long t = System.nanoTime();
    System.out.println("starting Kafka broker and schema registry…");
    stack = LocalStack.builder().workDir(workDir).persistent(false).start();
    stack.createTopics(TopicSpec.of(RAW_TOPIC, partitions), TopicSpec.of(BASELINE_TOPIC, partitions));
    System.out.printf("stack ready in %s: kafka %s, registry %s%n", Readiness.secondsSince(t), stack.bootstrapServers(),
        stack.schemaRegistryUrl());

    int port = Ports.freePort();
    DevApiKey key = DevApiKey.loadOrCreate(workDir);
    apiKey = key.key();
    List<String> jvm = new ArrayList<>(jvmOptions);
    // The per-client token bucket (default 1,000 requests/s sustained) would cap the single-POST
    // scenarios below their target; it stays on, with a bound far above what is sent, so its cost
    // is still measured.
    jvm.add("-Dnewsstream.ingest.rate-limit.capacity=100000000");
    jvm.add("-Dnewsstream.ingest.rate-limit.refill-per-second=100000000");
    if (jfr) {
      jvm.add("-XX:StartFlightRecording=filename=" + workDir.resolve("ingest-service.jfr") + ",settings=profile,dumponexit=true");
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
    env.put("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl());
    env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
    env.put("NEWSSTREAM_INGEST_API_KEYS", key.hashedEntry());
    // A copy: a build running meanwhile would rewrite target/*.jar under the running service.
    Path runnable = workDir.resolve("ingest-service.jar");
    try {
      Files.copy(jar, runnable, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot copy " + jar, e);
    }
    requireRunnable(runnable, jar);
    t = System.nanoTime();
    System.out.println("starting ingest-service on port " + port + "…");
    ingest = ChildProcess.start("ingest-service",
        ChildProcess.javaCommand(jvm, runnable.toString(), ChildProcess.mainClassOf(runnable), List.of()),
        workDir, env, workDir.resolve("logs").resolve("ingest-service.log"));
    URI health = URI.create("http://127.0.0.1:" + port + "/health");
    Readiness.await("ingest-service (" + health + ")", ingest, Duration.ofSeconds(120), () -> http.send(
        HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    System.out.println("ingest-service ready in " + Readiness.secondsSince(t) + " (log " + ingest.logFile() + ")");
    singleUri = URI.create("http://127.0.0.1:" + port + "/v1/articles");
    batchUri = URI.create("http://127.0.0.1:" + port + "/v1/articles/batch");
  }

  /** Refuses a jar caught half-written by a build: it must hold its main class and Micronaut's. */
  private static void requireRunnable(Path copy, Path original) {
    String mainClass = ChildProcess.mainClassOf(copy);
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(copy.toFile())) {
      for (String entry : List.of(mainClass.replace('.', '/') + ".class", "io/micronaut/runtime/Micronaut.class")) {
        if (file.getEntry(entry) == null) {
          throw new IllegalStateException(original + " lacks " + entry + ": is a build rewriting it? Run again when it is done.");
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(original + " is not a readable jar (is a build rewriting it?)", e);
    }
  }

  private synchronized void stop() {
    if (ingest != null) {
      ingest.stop(Duration.ofSeconds(30));
      ingest = null;
    }
    if (stack != null) {
      stack.close();
      stack = null;
    }
  }

  private void runAll(int singleRequests, int batchArticles, int batchClients, int warmup, Duration bound,
      int recordBytes, Path workDir, int partitions) {
    System.out.println("warm-up (not measured)…");
    // Long enough for the JIT: in shorter warm-ups ingest-service's compiler threads were still its
    // largest CPU user (JFR) during the first measured scenario.
    run("warm-up single", 8, singles(warmup), 1, bound);
    run("warm-up batch 100", batchClients, batches(warmup, 100, false), 100, bound);
    run("warm-up batch 1000 (NDJSON)", batchClients, batches(warmup, 1000, true), 1000, bound);
    run("warm-up single", SINGLE_TARGET_CLIENTS, singles(warmup), 1, bound);

    List<ScenarioResult> results = new ArrayList<>();
    for (int clients : new int[] {1, 8, SINGLE_TARGET_CLIENTS}) {
      results.add(run("single POST", clients, singles(singleRequests), 1, bound));
    }
    results.add(run("batch 100 (JSON array)", batchClients, batches(batchArticles, 100, false), 100, bound));
    results.add(run("batch 1000 (JSON array)", batchClients, batches(batchArticles, 1000, false), 1000, bound));
    results.add(run("batch 1000 (NDJSON)", batchClients, batches(batchArticles, 1000, true), 1000, bound));

    long accepted = results.stream().mapToLong(ScenarioResult::articles).sum();
    long onTopic = recordsOn(RAW_TOPIC, partitions);

    System.out.printf(Locale.ROOT, "ProducerPerformance: %d records of %d bytes to %s, acks=all (plus %d warm-up records)…%n",
        batchArticles, recordBytes, BASELINE_TOPIC, batchArticles / 4);
    ProducerPerformanceRun.Summary baseline = ProducerPerformanceRun.run(stack.bootstrapServers(), BASELINE_TOPIC,
        batchArticles, batchArticles / 4, recordBytes, workDir, bound.multipliedBy(2));
    System.out.println("ProducerPerformance: " + ProducerPerformanceRun.describe(baseline));

    printSummary(results, baseline, recordBytes, accepted, onTopic);
  }

  private void printSummary(List<ScenarioResult> results, ProducerPerformanceRun.Summary baseline, int recordBytes,
      long accepted, long onTopic) {
    String line = "-".repeat(150);
    System.out.println();
    System.out.println("== ingest benchmark results (" + Machine.describe() + ")");
    System.out.println(line);
    System.out.printf(Locale.ROOT, "%-26s %7s %8s %9s %11s %7s %8s %8s %9s %9s %9s %12s  %s%n", "scenario", "clients",
        "requests", "articles", "articles/s", "MB/s", "p50 ms", "p99 ms", "ingest", "broker", "client", "articles per",
        "target");
    System.out.printf(Locale.ROOT, "%-26s %7s %8s %9s %11s %7s %8s %8s %9s %9s %9s %12s%n", "", "", "", "", "", "", "",
        "", "CPU-s", "CPU-s", "CPU-s", "ingest CPU-s");
    System.out.println(line);
    for (ScenarioResult r : results) {
      String target = "";
      if (r.name().startsWith("single") && r.clients() == SINGLE_TARGET_CLIENTS) {
        target = String.format(Locale.ROOT, ">= %.0f articles/s: %s", SINGLE_TARGET_ARTICLES_PER_SECOND,
            r.articlesPerSecond() >= SINGLE_TARGET_ARTICLES_PER_SECOND ? "met" : "NOT met");
      } else if (r.name().startsWith("batch")) {
        double ratio = r.articlesPerSecond() / baseline.recordsPerSecond();
        target = String.format(Locale.ROOT, "%.2f x raw producer (>= %.1f: %s)", ratio, BATCH_TARGET_RATIO,
            ratio >= BATCH_TARGET_RATIO ? "met" : "NOT met");
      }
      System.out.printf(Locale.ROOT, "%-26s %7d %8d %9d %11.0f %7.2f %8.1f %8.1f %9.1f %9.1f %9.1f %12.0f  %s%s%n",
          r.name(), r.clients(), r.requests(), r.articles(), r.articlesPerSecond(), r.megabytesPerSecond(),
          r.latency().p50Millis(), r.latency().p99Millis(), r.ingestCpuSeconds(), r.brokerCpuSeconds(),
          r.clientCpuSeconds(), r.articlesPerIngestCpuSecond(), target,
          r.failedRequests() + r.rejectedArticles() > 0
              ? String.format(Locale.ROOT, " [%d failed requests, %d rejected articles]", r.failedRequests(), r.rejectedArticles())
              : "");
    }
    System.out.printf(Locale.ROOT, "%-26s %7d %8s %9d %11.0f %7.2f %8.0f %8.0f  (record size %d bytes, acks=all, warm-up excluded)%n",
        "Kafka ProducerPerformance", 1, "-", baseline.records(), baseline.recordsPerSecond(), baseline.megabytesPerSecond(),
        baseline.p50Millis(), baseline.p99Millis(), recordBytes);
    System.out.println(line);
    System.out.println("MB/s: request bodies (JSON) for our scenarios, record values for ProducerPerformance; 1 MB = 2^20 bytes.");
    System.out.println("Latency: per HTTP request (a batch is one request); ProducerPerformance: per record, send to ack.");
    System.out.printf(Locale.ROOT, "Records on %s: %d; articles accepted (warm-up included): %d%n", RAW_TOPIC, onTopic,
        accepted + warmupAccepted.get());
  }

  private List<byte[]> singles(int count) {
    List<byte[]> bodies = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long seq = sequence.getAndIncrement();
      CorpusArticle article = corpus.get((int) (seq % corpus.size()));
      bodies.add(Articles.json(article, Articles.uniqueUrl(article, tag, seq)));
    }
    return bodies;
  }

  private List<byte[]> batches(int articles, int perRequest, boolean ndjson) {
    List<byte[]> bodies = new ArrayList<>();
    ByteArrayOutputStream body = new ByteArrayOutputStream(perRequest * 2048);
    int inBatch = 0;
    for (int i = 0; i < articles; i++) {
      long seq = sequence.getAndIncrement();
      CorpusArticle article = corpus.get((int) (seq % corpus.size()));
      byte[] json = Articles.json(article, Articles.uniqueUrl(article, tag, seq));
      if (inBatch == 0 && !ndjson) {
        body.write('[');
      } else if (inBatch > 0) {
        body.write(ndjson ? '\n' : ',');
      }
      body.writeBytes(json);
      inBatch++;
      if (inBatch == perRequest || i == articles - 1) {
        if (!ndjson) {
          body.write(']');
        } else {
          body.write('\n');
        }
        bodies.add(body.toByteArray());
        body.reset();
        inBatch = 0;
      }
    }
    return bodies;
  }

  private ScenarioResult run(String name, int clients, List<byte[]> bodies, int articlesPerRequest, Duration bound) {
    boolean batch = articlesPerRequest > 1 || name.contains("batch");
    boolean ndjson = name.contains("NDJSON");
    int n = bodies.size();
    long[] latencies = new long[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    AtomicLong articles = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    String label = String.format(Locale.ROOT, "%s x%d", name, clients);
    System.out.printf(Locale.ROOT, "%s: %d requests of %d article(s)…%n", label, n, articlesPerRequest);

    double ingestCpu0 = seconds(Machine.cpu(ingest.handle()));
    double brokerCpu0 = seconds(Machine.cpu(brokerHandle()));
    double clientCpu0 = seconds(Machine.ownCpu());
    CountDownLatch go = new CountDownLatch(1);
    long deadline = System.nanoTime() + bound.toNanos();
    List<Thread> workers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread worker = new Thread(() -> {
        awaitQuietly(go);
        int i;
        while ((i = next.getAndIncrement()) < n && System.nanoTime() < deadline) {
          HttpRequest request = HttpRequest.newBuilder(batch ? batchUri : singleUri)
              .timeout(REQUEST_TIMEOUT)
              .header("X-API-Key", apiKey)
              .header("Content-Type", ndjson ? "application/x-ndjson" : "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)))
              .build();
          long sent = System.nanoTime();
          try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - sent;
            int status = response.statusCode();
            if (!batch && status == 202) {
              articles.incrementAndGet();
            } else if (batch && status == 207) {
              Matcher m = ACCEPTED.matcher(response.body());
              long ok = m.find() ? Long.parseLong(m.group(1)) : 0;
              articles.addAndGet(ok);
              rejected.addAndGet(articlesPerRequest - ok);
            } else {
              failed.incrementAndGet();
              firstFailure.compareAndSet(null, status + " " + abbreviate(response.body()));
              continue;
            }
            latencies[answered.getAndIncrement()] = took;
            bytes.addAndGet(bodies.get(i).length);
          } catch (IOException e) {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, e.toString());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }, "bench-client-" + c);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "bench-progress");
      thread.setDaemon(true);
      return thread;
    });
    long started = System.nanoTime();
    go.countDown();
    progress.scheduleAtFixedRate(() -> System.out.printf(Locale.ROOT, "  %s: %d/%d requests, %.0f articles/s so far%n",
        label, answered.get(), n, articles.get() / ((System.nanoTime() - started) / 1e9)), 5, 5, TimeUnit.SECONDS);
    for (Thread worker : workers) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    progress.shutdownNow();
    int done = answered.get();
    ScenarioResult result = new ScenarioResult(name, clients, done, articles.get(), failed.get(), rejected.get(), elapsed,
        bytes.get(), LatencyStats.ofNanos(latencies, done), seconds(Machine.cpu(ingest.handle())) - ingestCpu0,
        seconds(Machine.cpu(brokerHandle())) - brokerCpu0, seconds(Machine.ownCpu()) - clientCpu0,
        next.get() < n);
    if (name.startsWith("warm-up")) {
      warmupAccepted.addAndGet(result.articles());
    }
    System.out.printf(Locale.ROOT, "  %s: %d articles in %.1f s = %.0f articles/s, %.2f MB/s, p50 %.1f ms, p99 %.1f ms%s%n",
        label, result.articles(), elapsed, result.articlesPerSecond(), result.megabytesPerSecond(),
        result.latency().p50Millis(), result.latency().p99Millis(), result.timeBounded() ? " (stopped by the time bound)" : "");
    if (firstFailure.get() != null) {
      System.out.printf("  %d failed requests; first: %s%n", failed.get(), firstFailure.get());
    }
    if (!ingest.isAlive()) {
      throw new IllegalStateException("ingest-service died; see " + ingest.logFile() + ":\n" + ingest.logTail(30));
    }
    return result;
  }

  private ProcessHandle brokerHandle() {
    return stack.kafka().process().handle();
  }

  /** Records on all partitions of {@code topic} (its end offsets; the topic was empty at start). */
  private long recordsOn(String topic, int partitions) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
      for (int p = 0; p < partitions; p++) {
        request.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).values().stream()
          .mapToLong(info -> info.offset())
          .sum();
    } catch (Exception e) {
      System.out.println("could not read end offsets of " + topic + ": " + e);
      return -1;
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
