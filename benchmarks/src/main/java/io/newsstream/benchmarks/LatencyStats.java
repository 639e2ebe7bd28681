package io.newsstream.benchmarks;

import java.util.Arrays;

/**
 * Latency percentiles of one scenario, computed from every measured sample (no histogram
 * buckets, no sampling), by the nearest-rank method: the p-th percentile is the smallest sample
 * that at least p percent of the samples are less than or equal to.
 *
 * @param count number of samples
 * @param p50Millis median
 * @param p99Millis 99th percentile
 * @param maxMillis largest sample
 * @param meanMillis arithmetic mean
 */
public record LatencyStats(int count, double p50Millis, double p99Millis, double maxMillis, double meanMillis) {

  /** No samples: every figure is NaN. */
  public static final LatencyStats EMPTY = new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** Statistics of the first {@code count} entries of {@code nanos} (left unchanged). */
  public static LatencyStats ofNanos(long[] nanos, int count) {
    if (count <= 0) {
      return EMPTY;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    double sum = 0;
    for (long value : sorted) {
      sum += value;
    }
    return new LatencyStats(
        count,
        millis(percentile(sorted, 50)),
        millis(percentile(sorted, 99)),
        millis(sorted[count - 1]),
        sum / count / 1e6);
  }

  /** Nearest-rank percentile of an ascending array; {@code percent} in (0, 100]. */
  static long percentile(long[] sorted, double percent) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
