package io.newsstream.benchmarks.quality;

import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.enrich.ArticleInput;
import io.newsstream.processor.enrich.DefaultArticleEnricher;
import io.newsstream.processor.enrich.EnrichmentConfig;
import io.newsstream.schemas.url.UrlCanonicalizer;
import io.newsstream.processor.topology.StreamsProperties;
import io.newsstream.processor.topology.TopologyFactory;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.avro.DeadLetter;
import io.newsstream.schemas.avro.DuplicateDetected;
import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.schemas.topics.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Drives the real processor topology ({@link TopologyFactory#build} with {@link
 * DefaultArticleEnricher} and {@link EnrichmentConfig#defaults()}) in-process with {@code
 * TopologyTestDriver}, submitting each {@link DedupCase} in order, and collects what came out on
 * articles.enriched, articles.duplicates and articles.dlq per case. Records are one second apart
 * from one start instant, so every pair of cases lies well inside the 7-day dedup retention: the
 * template reports meet each other here, whatever their real dates.
 */
final class DedupQualityRun {

  /** What the processor did with one case. */
  record Result(DedupCase c, DedupTally.Verdict verdict, DuplicateDetected report, Long simhash) {}

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final int DRAIN_EVERY = 250;
  private static final int PROGRESS_EVERY = 2_000;

  private final DefaultArticleEnricher enricher;
  private final EnrichmentConfig enrichment;
  private final Path stateDir;
  private final PrintStream out;
  private final UrlCanonicalizer canonicalizer;
  private final Consumer<ProcessorConfig> settings;

  DedupQualityRun(DefaultArticleEnricher enricher, EnrichmentConfig enrichment, Path stateDir, PrintStream out) {
    this(enricher, enrichment, stateDir, out, config -> {});
  }

  /**
   * @param settings applied to the processor's default {@link ProcessorConfig} before the
   *     topology is built (other near-duplicate settings to measure)
   */
  DedupQualityRun(
      DefaultArticleEnricher enricher,
      EnrichmentConfig enrichment,
      Path stateDir,
      PrintStream out,
      Consumer<ProcessorConfig> settings) {
    this.enricher = enricher;
    this.enrichment = enrichment;
    this.stateDir = stateDir;
    this.out = out;
    this.canonicalizer = new UrlCanonicalizer(enrichment.keepWww(), enrichment.trackingParameters());
    this.settings = settings;
  }

  /** Submits every case in order and returns one result per case, in the same order. */
  List<Result> run(List<DedupCase> cases) {
    ProcessorConfig config = new ProcessorConfig();
    config.setSchemaRegistryUrl("mock://quality-report-" + UUID.randomUUID());
    config.setStateDir(stateDir);
    // The cases are piped in timestamp order, one at a time, so holding probes to reorder them
    // would change nothing; checking on arrival keeps the driver from needing wall-clock time.
    config.setNearDuplicateReorderWindow(Duration.ZERO);
    settings.accept(config);
    // The default RocksDB stores: the in-memory window store scans every distinct timestamp
    // in the retention on each lookup, which makes a 25,000-article run quadratic.
    Topics topics = new Topics(config.topicNames(), StreamsProperties.serdeConfig(config));

    Map<String, EnrichedArticle> emitted = new HashMap<>();
    Map<String, DuplicateDetected> dropped = new HashMap<>();
    long[] dead = new long[1];
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            new TopologyFactory().build(config, topics, enricher, enrichment.topicNames()),
            StreamsProperties.streams(config))) {
      TestInputTopic<String, ArticleSubmitted> raw =
          driver.createInputTopic(topics.raw().name(), new StringSerializer(), topics.raw().valueSerde().serializer());
      TestOutputTopic<String, EnrichedArticle> enriched =
          driver.createOutputTopic(topics.enriched().name(), new StringDeserializer(), topics.enriched().valueSerde().deserializer());
      TestOutputTopic<String, DuplicateDetected> duplicates =
          driver.createOutputTopic(
              topics.duplicates().name(), new StringDeserializer(), topics.duplicates().valueSerde().deserializer());
      TestOutputTopic<byte[], DeadLetter> dlq =
          driver.createOutputTopic(
              topics.deadLetter().name(), new ByteArrayDeserializer(), topics.deadLetter().valueSerde().deserializer());
      // The topic streams are not measured here, but the driver keeps every output record until read.
      List<TestOutputTopic<byte[], byte[]>> topicStreams = new ArrayList<>();
      for (String name : TopologyFactory.externalTopics(topics, enrichment.topicNames())) {
        if (name.startsWith(config.getTopicStreamPrefix()) || name.equals(config.topicNames().generalTopic())) {
          topicStreams.add(driver.createOutputTopic(name, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
        }
      }

      long started = System.nanoTime();
      for (int i = 0; i < cases.size(); i++) {
        DedupCase c = cases.get(i);
        Instant at = START.plusSeconds(i);
        raw.pipeInput(c.url(), submission(c, at), at);
        if ((i + 1) % DRAIN_EVERY == 0 || i + 1 == cases.size()) {
          enriched.readValuesToList().forEach(a -> emitted.put(a.getEventId(), a));
          duplicates.readValuesToList().forEach(d -> dropped.put(d.getEventId(), d));
          dead[0] += dlq.readValuesToList().size();
          topicStreams.forEach(TestOutputTopic::readRecordsToList);
        }
        if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == cases.size()) {
          double seconds = (System.nanoTime() - started) / 1e9;
          out.printf(Locale.ROOT, "  %,6d / %,d submitted, %,d emitted, %,d dropped, %,d dead letters, %.0f s (%.0f articles/s)%n",
              i + 1, cases.size(), emitted.size(), dropped.size(), dead[0], seconds, (i + 1) / seconds);
        }
      }
    }

    List<Result> results = new ArrayList<>(cases.size());
    for (DedupCase c : cases) {
      EnrichedArticle article = emitted.get(c.eventId());
      DuplicateDetected report = dropped.get(c.eventId());
      DedupTally.Verdict verdict =
          article != null ? DedupTally.Verdict.EMITTED : report != null ? DedupTally.Verdict.DROPPED : DedupTally.Verdict.LOST;
      results.add(new Result(c, verdict, verdict == DedupTally.Verdict.DROPPED ? report : null, article == null ? null : article.getSimhash()));
    }
    return results;
  }

  /** The SimHash the enricher gives a case (for cases that were not emitted, so carry none). */
  long simhash(DedupCase c) {
    return enricher.enrich(new ArticleInput(c.url(), c.title(), c.body(), null)).simhash();
  }

  /** articleId of a case's URL, as the processor computes it (duplicateOf names articleIds). */
  String articleId(DedupCase c) {
    return UrlCanonicalizer.articleId(canonicalizer.canonicalize(c.url()));
  }

  private static ArticleSubmitted submission(DedupCase c, Instant at) {
    return ArticleSubmitted.newBuilder()
        .setEventId(c.eventId())
        .setUrl(c.url())
        .setTitle(c.title())
        .setBody(c.body())
        .setPublishedAt(c.publishedAt())
        .setSourceName("Reuters")
        .setSubmittedBy("quality-report")
        .setReceivedAt(at)
        .setAttributes(Map.of())
        .build();
  }
}
