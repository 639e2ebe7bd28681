package io.newsstream.benchmarks;

import io.newsstream.processor.enrich.ArticleEnricher;
import io.newsstream.processor.enrich.ArticleInput;
import io.newsstream.processor.enrich.Enrichment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * An {@link ArticleEnricher} that adds up the CPU time its calling threads spend in the enricher
 * it wraps, so the benchmark can say how much of the stream thread's time enrichment takes
 * inside the topology (which differs from the enricher's cost in a tight loop).
 */
final class TimedEnricher implements ArticleEnricher {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final ArticleEnricher enricher;
  private final LongAdder cpuNanos = new LongAdder();
  private final LongAdder calls = new LongAdder();

  TimedEnricher(ArticleEnricher enricher) {
    this.enricher = enricher;
  }

  @Override
  public Enrichment enrich(ArticleInput input) {
    long start = THREADS.getCurrentThreadCpuTime();
    try {
      return enricher.enrich(input);
    } finally {
      cpuNanos.add(THREADS.getCurrentThreadCpuTime() - start);
      calls.increment();
    }
  }

  /** CPU seconds spent enriching since the last {@link #reset}. */
  double cpuSeconds() {
    return cpuNanos.sum() / 1e9;
  }

  long calls() {
    return calls.sum();
  }

  void reset() {
    cpuNanos.reset();
    calls.reset();
  }
}
