package io.newsstream.benchmarks;

import io.newsstream.processor.stage.PipelineMetrics;
import io.newsstream.schemas.avro.DuplicateKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@link PipelineMetrics} that only counts, so the processor benchmark can show what the topology
 * did with its input (processed, duplicates by kind, failures by stage) at the cost of a few
 * adders instead of a metrics registry.
 */
final class CountingMetrics implements PipelineMetrics {

  final LongAdder processed = new LongAdder();
  final LongAdder revisions = new LongAdder();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> duplicates = new ConcurrentHashMap<>();

  @Override
  public void processed() {
    processed.increment();
  }

  @Override
  public void failed(String stage) {
    failures.computeIfAbsent(stage, s -> new LongAdder()).increment();
  }

  @Override
  public void duplicate(DuplicateKind kind, boolean dropped) {
    duplicates.computeIfAbsent(kind.name() + (dropped ? "" : " (flagged)"), k -> new LongAdder()).increment();
  }

  @Override
  public void revision() {
    revisions.increment();
  }

  @Override
  public void routed(String topic) {
    // not needed: the harness counts output records on the topics themselves
  }

  /** End-to-end lags in nanoseconds, in the order of emission, when {@link #recordLags}. */
  private final List<Long> lags = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean recordLags;

  /** Keeps every end-to-end lag from now on ({@link #lags}). */
  void recordLags() {
    recordLags = true;
  }

  @Override
  public void endToEndLag(Duration lag) {
    if (recordLags) {
      lags.add(lag.toNanos());
    }
  }

  /** The end-to-end lags recorded (ingest receipt to emission), in nanoseconds, in the order of emission. */
  long[] lags() {
    synchronized (lags) {
      return lags.stream().mapToLong(Long::longValue).toArray();
    }
  }

  Map<String, Long> duplicates() {
    return snapshot(duplicates);
  }

  Map<String, Long> failures() {
    return snapshot(failures);
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
    Map<String, Long> copy = new TreeMap<>();
    counters.forEach((key, adder) -> copy.put(key, adder.sum()));
    return copy;
  }
}
