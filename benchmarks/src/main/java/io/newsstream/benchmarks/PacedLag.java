package io.newsstream.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a processor kept pace with input offered at a fixed rate, from the end-to-end lag of
 * every article it emitted (ingest receipt to emission, in the order of emission) and from how
 * long after the last article was sent the last one came out. A processor that keeps pace emits
 * each article about a constant time after it arrived (the pipeline's latency: reorder window and
 * commit hops, which come in bursts), the last one included; one that sustains C articles/s under
 * an offered rate R > C ends N/C − N/R seconds later than that. So the run kept pace when the last
 * output came at most the pipeline's latency (the largest p99 lag of the first three quarters of
 * the emissions) plus {@link #SLACK_SECONDS} after the last input was sent.
 */
record PacedLag(List<LatencyStats> quarters) {

  /** Allowance for the bursts of the commit interval (1 s by default). */
  static final double SLACK_SECONDS = 1.0;

  static PacedLag of(long[] lagsNanos) {
    List<LatencyStats> quarters = new ArrayList<>(4);
    for (int q = 0; q < 4; q++) {
      int from = (int) ((long) lagsNanos.length * q / 4);
      int to = (int) ((long) lagsNanos.length * (q + 1) / 4);
      long[] part = Arrays.copyOfRange(lagsNanos, from, to);
      quarters.add(part.length == 0 ? LatencyStats.EMPTY : LatencyStats.ofNanos(part, part.length));
    }
    return new PacedLag(quarters);
  }

  /** The pipeline's latency as this run saw it: the largest p99 lag of the first three quarters, in seconds. */
  double latencySeconds() {
    double max = Double.NaN;
    for (LatencyStats quarter : quarters.subList(0, 3)) {
      if (quarter.count() > 0 && (Double.isNaN(max) || quarter.p99Millis() / 1000.0 > max)) {
        max = quarter.p99Millis() / 1000.0;
      }
    }
    return max;
  }

  /** The last output came {@code drainSeconds} after the last input was sent: within the latency and the slack. */
  boolean keptPace(double drainSeconds) {
    double latency = latencySeconds();
    return !Double.isNaN(latency) && drainSeconds <= latency + SLACK_SECONDS;
  }
}
