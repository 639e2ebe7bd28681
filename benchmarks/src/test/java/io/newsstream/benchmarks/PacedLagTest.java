package io.newsstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacedLagTest {

  @Test
  void shouldTakeThePipelinesLatencyFromTheFirstQuarter() {
    // given: articles out 6 to 8 s after they came in, in bursts; the rest later and later
    long[] lags = new long[1000];
    for (int i = 0; i < lags.length; i++) {
      lags[i] = TimeUnit.MILLISECONDS.toNanos(i < 250 ? 6_000 + (i % 50) * 40 : 6_000 + i * 20);
    }

    // when
    PacedLag lag = PacedLag.of(lags);

    // then
    assertThat(lag.quarters()).hasSize(4).allMatch(q -> q.count() == 250);
    assertThat(lag.latencySeconds()).isEqualTo(7.96);
    assertThat(lag.quarters().get(0).p50Millis()).isEqualTo(6_960.0);
    assertThat(lag.quarters().get(3).p50Millis()).isEqualTo(23_480.0);
    assertThat(lag.growthSeconds()).isEqualTo(16.52);
  }

  @Test
  void shouldNotSayARunThatFellBehindAllAlongKeptPace() {
    // given: the lag grows by the same step from the first article to the last, so every later
    // quarter's p99 is far above the first's, and the last article comes out with the largest lag
    long[] lags = new long[1000];
    for (int i = 0; i < lags.length; i++) {
      lags[i] = TimeUnit.MILLISECONDS.toNanos(7_000 + i * 60L);
    }
    PacedLag lag = PacedLag.of(lags);

    // when / then: the last came out about 67 s after it was sent; a bar taken from the third
    // quarter (p99 51.8 s) would have let a 52 s drain pass
    assertThat(lag.latencySeconds()).isLessThan(22.0);
    assertThat(lag.keptPace(52.0)).isFalse();
    assertThat(lag.keptPace(66.9)).isFalse();
  }

  @Test
  void shouldSayTheRunKeptPaceWhenTheLastArticleCameOutWithinTheLatency() {
    // given
    long[] lags = new long[1000];
    for (int i = 0; i < lags.length; i++) {
      lags[i] = TimeUnit.MILLISECONDS.toNanos(6_000 + (i % 100) * 20);
    }
    PacedLag lag = PacedLag.of(lags);

    // when / then: the latency is 7.96 s (the first quarter's p99), and one second of slack for the commit bursts
    assertThat(lag.keptPace(7.5)).isTrue();
    assertThat(lag.keptPace(8.9)).isTrue();
    assertThat(lag.keptPace(9.5)).isFalse();
  }

  @Test
  void shouldNotSayARunWithoutOutputKeptPace() {
    assertThat(PacedLag.of(new long[0]).keptPace(0)).isFalse();
    assertThat(PacedLag.of(new long[0]).latencySeconds()).isNaN();
    assertThat(PacedLag.of(new long[0]).growthSeconds()).isNaN();
  }
}
