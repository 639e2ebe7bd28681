package io.newsstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

  @Test
  void shouldTakeNearestRankPercentilesOfTheSamples() {
    // given 1..100 ms in shuffled order
    long[] nanos = new long[100];
    for (int i = 0; i < 100; i++) {
      nanos[i] = ((i * 37) % 100 + 1) * 1_000_000L;
    }

    // when
    LatencyStats stats = LatencyStats.ofNanos(nanos, 100);

    // then
    assertThat(stats.count()).isEqualTo(100);
    assertThat(stats.p50Millis()).isEqualTo(50.0);
    assertThat(stats.p99Millis()).isEqualTo(99.0);
    assertThat(stats.maxMillis()).isEqualTo(100.0);
    assertThat(stats.meanMillis()).isEqualTo(50.5);
  }

  @Test
  void shouldUseOnlyTheFilledPartOfTheArray() {
    // given three answered requests in an array sized for ten
    long[] nanos = {3_000_000L, 1_000_000L, 2_000_000L, 0, 0, 0, 0, 0, 0, 0};

    // when
    LatencyStats stats = LatencyStats.ofNanos(nanos, 3);

    // then the unused zeros do not drag the percentiles down
    assertThat(stats.p50Millis()).isEqualTo(2.0);
    assertThat(stats.p99Millis()).isEqualTo(3.0);
  }

  @Test
  void shouldReportTheOnlySampleAsEveryPercentile() {
    // when
    LatencyStats stats = LatencyStats.ofNanos(new long[] {7_500_000L}, 1);

    // then
    assertThat(stats.p50Millis()).isEqualTo(7.5);
    assertThat(stats.p99Millis()).isEqualTo(7.5);
  }

  @Test
  void shouldReportNoFiguresWithoutSamples() {
    // when
    LatencyStats stats = LatencyStats.ofNanos(new long[4], 0);

    // then
    assertThat(stats.count()).isZero();
    assertThat(stats.p50Millis()).isNaN();
  }

  @Test
  void shouldRefusePercentOutsideTheRange() {
    assertThatThrownBy(() -> LatencyStats.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LatencyStats.percentile(new long[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
  }
}
