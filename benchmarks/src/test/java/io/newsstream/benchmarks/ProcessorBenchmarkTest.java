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
  void shouldTellTheApplicationsStreamThreadsFromTheirProducersAndOtherApplications() {
    assertThat(ProcessorBenchmark.isStreamThread("bench-full-x", "bench-full-x-1b2c-StreamThread-1")).isTrue();
    assertThat(ProcessorBenchmark.isStreamThread("bench-full-x", "bench-full-x-1b2c-StreamThread-12")).isTrue();
    assertThat(ProcessorBenchmark.isStreamThread("bench-full-x",
        "kafka-producer-network-thread | bench-full-x-1b2c-StreamThread-1-producer")).isFalse();
    assertThat(ProcessorBenchmark.isStreamThread("bench-full-x", "bench-warmup-full-x-1b2c-StreamThread-1")).isFalse();
    assertThat(ProcessorBenchmark.isStreamThread("bench-full-x", "bench-full-x-1b2c-StateUpdater-1")).isFalse();
  }
}
