package io.newsstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacedLagTest {

  @Test
  void shouldTakeThePipelinesLatencyFromTheFirstThreeQuarters() {
    // given: articles out 6 to 8 s after they came in, in bursts; the last quarter later still
    long[] lags = new long[1000];
    for (int i = 0; i < lags.length; i++) {
      lags[i] = TimeUnit.MILLISECONDS.toNanos(i < 750 ? 6_000 + (i % 100) * 20 : 12_000);
    }

    // when
    PacedLag lag = PacedLag.of(lags);

    // then
    assertThat(lag.quarters()).hasSize(4).allMatch(q -> q.count() == 250);
    assertThat(lag.latencySeconds()).isEqualTo(7.98);
    assertThat(lag.quarters().get(3).p50Millis()).isEqualTo(12_000.0);
  }

  @Test
  void shouldSayTheRunKeptPaceWhenTheLastArticleCameOutWithinTheLatency() {
    // given
    long[] lags = new long[1000];
    for (int i = 0; i < lags.length; i++) {
      lags[i] = TimeUnit.MILLISECONDS.toNanos(6_000 + (i % 100) * 20);
    }
    PacedLag lag = PacedLag.of(lags);

    // when / then: the latency is 7.98 s, and one second of slack for the commit bursts
    assertThat(lag.keptPace(7.5)).isTrue();
    assertThat(lag.keptPace(8.9)).isTrue();
    assertThat(lag.keptPace(9.5)).isFalse();
  }

  @Test
  void shouldNotSayARunWithoutOutputKeptPace() {
    assertThat(PacedLag.of(new long[0]).keptPace(0)).isFalse();
    assertThat(PacedLag.of(new long[0]).latencySeconds()).isNaN();
  }
}
