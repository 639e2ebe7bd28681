package io.newsstream.processor.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsstream.processor.stage.PipelineMetrics;
import io.newsstream.processor.stage.Stage;
import io.newsstream.schemas.avro.DuplicateKind;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The topology's counters as Micrometer meters, scraped at {@code /prometheus}:
 * {@code newsstream.processor.articles.processed}, {@code .records.failed{stage}}, {@code
 * .duplicates{kind,action}}, {@code .revisions}, {@code .articles.routed{topic}} and the timer
 * {@code .end.to.end.lag} (ingest receipt to emission), and the gauge {@code .reorder.held}
 * (probes this instance holds for the near-duplicate reorder window).
 */
@Singleton
public class MicrometerPipelineMetrics implements PipelineMetrics {

  static final String PREFIX = "newsstream.processor.";

  private final MeterRegistry registry;
  private final Counter processed;
  private final Counter revisions;
  private final Timer lag;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final AtomicLong held = new AtomicLong();

  public MicrometerPipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.processed =
        Counter.builder(PREFIX + "articles.processed")
            .description("Records from articles.raw decoded and enriched")
            .register(registry);
    this.revisions =
        Counter.builder(PREFIX + "revisions").description("Articles emitted as revision 2 or later").register(registry);
    this.lag =
        Timer.builder(PREFIX + "end.to.end.lag")
            .description("Time from ingest receiving a submission to the processor emitting it")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(10))
            .register(registry);
    Gauge.builder(PREFIX + "reorder.held", held, AtomicLong::get)
        .description("Text probes this instance holds for the near-duplicate reorder window")
        .register(registry);
    // At zero from the start, so that a rate or an alert on them has a series before the first
    // failure or duplicate.
    for (String stage : new String[] {Stage.DECODE, Stage.ENRICH, Stage.DEDUP}) {
      failedCounter(stage);
    }
    for (DuplicateKind kind : DuplicateKind.values()) {
      duplicateCounter(kind, true);
    }
  }

  @Override
  public void heldProbes(long delta) {
    held.addAndGet(delta);
  }

  @Override
  public void processed() {
    processed.increment();
  }

  @Override
  public void failed(String stage) {
    failedCounter(stage).increment();
  }

  private Counter failedCounter(String stage) {
    return counter("records.failed", "Records that could not be decoded or processed, by stage", "stage", stage);
  }

  @Override
  public void duplicate(DuplicateKind kind, boolean dropped) {
    duplicateCounter(kind, dropped).increment();
  }

  private Counter duplicateCounter(DuplicateKind kind, boolean dropped) {
    return counters
        .computeIfAbsent(
            "duplicates|" + kind + "|" + dropped,
            k ->
                Counter.builder(PREFIX + "duplicates")
                    .description("Duplicates found, by kind and whether they were dropped or only flagged")
                    .tag("kind", kind.name())
                    .tag("action", dropped ? "dropped" : "flagged")
                    .register(registry));
  }

  @Override
  public void revision() {
    revisions.increment();
  }

  @Override
  public void routed(String topic) {
    counter("articles.routed", "Articles written to an output topic, by topic", "topic", topic).increment();
  }

  @Override
  public void endToEndLag(Duration lag) {
    this.lag.record(lag.isNegative() ? Duration.ZERO : lag);
  }

  private Counter counter(String name, String description, String tag, String value) {
    return counters.computeIfAbsent(
        name + "|" + value,
        k -> Counter.builder(PREFIX + name).description(description).tag(tag, value).register(registry));
  }
}
