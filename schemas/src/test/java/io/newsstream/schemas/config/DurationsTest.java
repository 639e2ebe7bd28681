package io.newsstream.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void shouldWriteADurationInTheLargestUnitThatDividesIt() {
    // given / when / then
    assertThat(Durations.readable(Duration.ofSeconds(30))).isEqualTo("30 s");
    assertThat(Durations.readable(Duration.ofMinutes(2))).isEqualTo("2 min");
    assertThat(Durations.readable(Duration.ofMinutes(90))).isEqualTo("90 min");
    assertThat(Durations.readable(Duration.ofHours(24))).isEqualTo("24 h");
    assertThat(Durations.readable(Duration.ofHours(-24))).isEqualTo("-24 h");
    assertThat(Durations.readable(Duration.ofDays(7))).isEqualTo("7 d");
    assertThat(Durations.readable(Duration.ofMillis(250))).isEqualTo("250 ms");
    assertThat(Durations.readable(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    assertThat(Durations.readable(Duration.ZERO)).isEqualTo("0 s");
    assertThat(Durations.readable(null)).isEqualTo("null");
  }
}
