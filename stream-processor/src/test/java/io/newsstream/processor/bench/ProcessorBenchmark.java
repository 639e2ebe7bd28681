package io.newsstream.processor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.localstack.LocalStack;
import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.enrich.DefaultArticleEnricher;
import io.newsstream.processor.enrich.EnrichmentConfig;
import io.newsstream.processor.stage.PipelineMetrics;
import io.newsstream.processor.testing.Articles;
import io.newsstream.processor.testing.FakeEnricher;
import io.newsstream.processor.topology.StreamsProperties;
import io.newsstream.processor.topology.TopologyFactory;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.avro.DuplicateKind;
import io.newsstream.schemas.serde.AvroSerdeConfig;
import io.newsstream.schemas.serde.RegistryAvroSerializer;
import io.newsstream.schemas.topics.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * Throughput harness (not a test): one processor instance, full topology (real enricher, every
 * dedup step) against the passthrough topology (decode, encode, write), on the same local broker
 * and the same input in the same run. Input: the Reuters-21578 articles of ../shared/corpus
 * (which include real duplicates), pre-loaded into a 4-partition topic. Prints articles/s of
 * each, the ratio, heap in use and state-store size scaled per million articles, and the full
 * topology with a trivial enricher (what dedup and routing cost on their own). Rates count from
 * the first decoded record to the last final outcome (emitted, dropped or failed).
 *
 * <pre>
 * ./mvnw -q -pl stream-processor dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
 * cd stream-processor && java -Xmx1g -cp target/classes:target/test-classes:$(cat target/test.classpath) \
 *   io.newsstream.processor.bench.ProcessorBenchmark [articles, default 20000] [stream threads, default 1]
 * </pre>
 */
public final class ProcessorBenchmark {

  private ProcessorBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Path corpus = Path.of(args.length > 2 ? args[2] : "../../shared/corpus/reuters21578.jsonl").toAbsolutePath().normalize();
    Path work = Files.createTempDirectory("newsstream-bench");
    List<ArticleSubmitted> articles = load(corpus, count);
    System.out.printf(Locale.ROOT, "input: %d articles from %s; %d stream thread(s)%n", articles.size(), corpus, threads);
    try (LocalStack stack = LocalStack.builder().workDir(work.resolve("stack")).start()) {
      String raw = "bench.articles.raw";
      stack.createTopic(raw, 4);
      produce(stack, raw, articles);

      Result passthrough = run(stack, work, "passthrough", articles.size(), true, false, threads);
      Result full = run(stack, work, "full", articles.size(), false, false, threads);
      Result topologyOnly = run(stack, work, "full-fake-enricher", articles.size(), false, true, threads);
      System.out.printf(
          Locale.ROOT, "full topology with a trivial enricher: %,.0f articles/s (%.1f s)%n", topologyOnly.rate(), topologyOnly.seconds);
      System.out.printf(Locale.ROOT, "passthrough: %,.0f articles/s (%.1f s)%n", passthrough.rate(), passthrough.seconds);
      System.out.printf(Locale.ROOT, "full:        %,.0f articles/s (%.1f s)%n", full.rate(), full.seconds);
      System.out.printf(Locale.ROOT, "ratio full/passthrough: %.2f%n", full.rate() / passthrough.rate());
      double perMillion = 1_000_000.0 / articles.size();
      System.out.printf(
          Locale.ROOT,
          "full: heap in use after run %.0f MiB; state stores %.1f MiB (%.0f MiB per million articles)%n",
          full.heapBytes / 1048576.0,
          full.stateBytes / 1048576.0,
          full.stateBytes * perMillion / 1048576.0);
    }
  }

  private record Result(long articles, double seconds, long heapBytes, long stateBytes) {
    double rate() {
      return articles / seconds;
    }
  }

  private static Result run(
      LocalStack stack, Path work, String name, int expected, boolean passthrough, boolean fakeEnricher, int threads)
      throws Exception {
    ProcessorConfig config = new ProcessorConfig();
    config.setNumStreamThreads(threads);
    config.setBootstrapServers(stack.bootstrapServers());
    config.setSchemaRegistryUrl(stack.schemaRegistryUrl());
    config.setApplicationId("bench-" + name);
    config.setStateDir(work.resolve("state-" + name));
    config.setRawTopic("bench.articles.raw");
    config.setEnrichedTopic("bench.articles.enriched");
    config.setDuplicatesTopic("bench.articles.duplicates");
    config.setDeadLetterTopic("bench.articles.dlq");
    config.setTopicStreamPrefix("bench.articles.topic.");
    config.setPassthroughTopic("bench.articles.passthrough");
    Topics topics = new Topics(config.topicNames(), StreamsProperties.serdeConfig(config));
    EnrichmentConfig enrichment = EnrichmentConfig.defaults();
    List<String> outputs = new ArrayList<>(TopologyFactory.externalTopics(topics, enrichment.topicNames()));
    outputs.add(config.getPassthroughTopic());
    for (String topic : outputs) {
      if (!topic.equals(config.getRawTopic())) {
        stack.createTopic(topic, 4);
      }
    }
    Done done = new Done(passthrough, config.getEnrichedTopic());
    TopologyFactory factory = new TopologyFactory(done, Clock.systemUTC());
    Topology topology =
        passthrough
            ? factory.buildPassthrough(config, topics, config.getPassthroughTopic())
            : factory.build(config, topics, fakeEnricher ? new FakeEnricher() : new DefaultArticleEnricher(enrichment), enrichment.topicNames());
    try (KafkaStreams streams = new KafkaStreams(topology, StreamsProperties.streams(config))) {
      streams.start();
      long start = System.nanoTime();
      long deadline = start + Duration.ofMinutes(30).toNanos();
      while (done.count.get() < expected && System.nanoTime() < deadline && streams.state().isRunningOrRebalancing()) {
        Thread.sleep(50);
      }
      // from the first decoded record: start-up and the first rebalance are not throughput
      if (done.count.get() < expected) {
        throw new IllegalStateException(name + ": only " + done.count.get() + " of " + expected + " articles done; Streams " + streams.state());
      }
      double seconds = (System.nanoTime() - done.firstNanos.get()) / 1e9;
      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      long state = size(config.getStateDir());
      return new Result(done.count.get(), seconds, heap, state);
    }
  }

  /** Counts articles that reached their final stage: emitted, dropped or failed. */
  private static final class Done implements PipelineMetrics {
    final AtomicLong count = new AtomicLong();
    final AtomicLong firstNanos = new AtomicLong();
    private final boolean passthrough;
    private final String enrichedTopic;

    Done(boolean passthrough, String enrichedTopic) {
      this.passthrough = passthrough;
      this.enrichedTopic = enrichedTopic;
    }

    @Override
    public void processed() {
      firstNanos.compareAndSet(0L, System.nanoTime());
      if (passthrough) {
        count.incrementAndGet();
      }
    }

    @Override
    public void failed(String stage) {
      count.incrementAndGet();
    }

    @Override
    public void duplicate(DuplicateKind kind, boolean dropped) {
      if (dropped) {
        count.incrementAndGet();
      }
    }

    @Override
    public void revision() {}

    @Override
    public void routed(String topic) {
      if (topic.equals(enrichedTopic)) {
        count.incrementAndGet();
      }
    }

    @Override
    public void endToEndLag(Duration lag) {}
  }

  private static List<ArticleSubmitted> load(Path corpus, int count) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<ArticleSubmitted> corpusArticles = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(corpus)) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode node = json.readTree(line);
        String body = node.path("body").asText("");
        if (body.isBlank()) {
          continue;
        }
        corpusArticles.add(
            Articles.submitted("https://www.reuters.example/article/" + node.path("id").asText(), node.path("title").asText("untitled"), body));
      }
    }
    List<ArticleSubmitted> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ArticleSubmitted base = corpusArticles.get(i % corpusArticles.size());
      // beyond the corpus size, repeat it under new URLs: SAME_CONTENT duplicates
      String url = i < corpusArticles.size() ? base.getUrl() : base.getUrl() + "?copy=" + (i / corpusArticles.size());
      out.add(Articles.submitted(url, base.getTitle(), base.getBody()));
    }
    return out;
  }

  private static void produce(LocalStack stack, String topic, List<ArticleSubmitted> articles) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    RegistryAvroSerializer<ArticleSubmitted> serializer = new RegistryAvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl()), false);
    try (KafkaProducer<String, ArticleSubmitted> producer = new KafkaProducer<>(props, new StringSerializer(), serializer)) {
      for (ArticleSubmitted article : articles) {
        producer.send(new ProducerRecord<>(topic, article.getUrl(), article));
      }
      producer.flush();
    }
  }

  private static long size(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
