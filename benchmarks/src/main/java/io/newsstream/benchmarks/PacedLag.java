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
 * output came at most the pipeline's latency plus {@link #SLACK_SECONDS} after the last input was
 * sent. The latency is the p99 lag of the first quarter of the emissions: a processor that falls
 * behind has built up only a quarter of its backlog by then, so over T seconds of input the rule
 * fails any processor that sustains less than about R / (1 + 4 · slack / (3 · T)) (1,956 articles/s
 * of 2,000 offered for 60 s). A later quarter would not do: a run that fell behind all along would
 * set its own bar.
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

  /** The pipeline's latency as this run saw it: the p99 lag of the first quarter, in seconds. */
  double latencySeconds() {
    LatencyStats first = quarters.get(0);
    return first.count() == 0 ? Double.NaN : first.p99Millis() / 1000.0;
  }

  /** How much the median lag grew from the first quarter to the last, in seconds. */
  double growthSeconds() {
    LatencyStats first = quarters.get(0);
    LatencyStats last = quarters.get(3);
    return first.count() == 0 || last.count() == 0 ? Double.NaN : (last.p50Millis() - first.p50Millis()) / 1000.0;
  }

  /** The last output came {@code drainSeconds} after the last input was sent: within the latency and the slack. */
  boolean keptPace(double drainSeconds) {
    double latency = latencySeconds();
    return !Double.isNaN(latency) && drainSeconds <= latency + SLACK_SECONDS;
  }
}
