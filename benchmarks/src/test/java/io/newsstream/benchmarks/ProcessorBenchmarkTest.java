package io.newsstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProcessorBenchmarkTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void shouldMeasureTheFlowingRateBetweenTheTenAndNinetyPercentMarks() {
    // 20,000 input articles: 16,000 of them between the marks, 8 s apart
    assertThat(ProcessorBenchmark.flowingRate(20_000, 15 * SECOND, 23 * SECOND)).isCloseTo(2_000.0, within(0.001));
  }

  @Test
  void shouldReportNoFlowingRateWhenTheOutputDidNotPassBothMarks() {
    assertThat(ProcessorBenchmark.flowingRate(20_000, 0, 0)).isZero();
    assertThat(ProcessorBenchmark.flowingRate(20_000, 15 * SECOND, 0)).isZero();
    assertThat(ProcessorBenchmark.flowingRate(20_000, 15 * SECOND, 15 * SECOND)).isZero();
  }

  @Test
  void shouldCountABacklogRunFromTheFirstSignOfProcessing() {
    // a thread ran and output came before the application as a whole said RUNNING
    assertThat(ProcessorBenchmark.processingStart(1 * SECOND, 9 * SECOND, 2 * SECOND, 3 * SECOND)).isEqualTo(2 * SECOND);
    // nothing seen but the output
    assertThat(ProcessorBenchmark.processingStart(1 * SECOND, 0, 0, 4 * SECOND)).isEqualTo(4 * SECOND);
    // nothing seen at all: the start
    assertThat(ProcessorBenchmark.processingStart(1 * SECOND, 0, 0, 0)).isEqualTo(1 * SECOND);
    // nanoTime values below zero still order by difference
    assertThat(ProcessorBenchmark.processingStart(-9 * SECOND, -5 * SECOND, -7 * SECOND)).isEqualTo(-7 * SECOND);
  }

  @Test
  void shouldTellTheApplicationsStreamThreadsFromTheirProducersAndOtherApplications() {
    assertThat(ProcessorBenchmark.isStreamThread("bench-full-x", "bench-full-x-1b2c-StreamThread-1")).isTrue();
    assertThat(ProcessorBenchmark.isStreamThread("bench-full-x", "bench-full-x-1b2c-StreamThread-12")).isTrue();
    assertThat(ProcessorBenchmark.isStreamThread("bench-full-x",
        "kafka-producer-network-thread | bench-full-x-1b2c-StreamThread-1-producer")).isFalse();
    assertThat(ProcessorBenchmark.isStreamThread("bench-full-x", "bench-warmup-full-x-1b2c-StreamThread-1")).isFalse();
    assertThat(ProcessorBenchmark.isStreamThread("bench-full-x", "bench-full-x-1b2c-StateUpdater-1")).isFalse();
  }
}
