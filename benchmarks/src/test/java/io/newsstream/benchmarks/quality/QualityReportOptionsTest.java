package io.newsstream.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QualityReportOptionsTest {

  @Test
  void shouldReadThePublicationGapInDaysHoursMinutesOrSeconds() {
    assertThat(QualityReport.duration("12h")).isEqualTo(Duration.ofHours(12));
    assertThat(QualityReport.duration("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(QualityReport.duration("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(QualityReport.duration(" 90s ")).isEqualTo(Duration.ofSeconds(90));
    assertThat(QualityReport.duration("0")).isZero();
  }

  @Test
  void shouldRejectAGapWithoutAUnitOrWithAnUnknownOne() {
    assertThatThrownBy(() -> QualityReport.duration("3")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3");
    assertThatThrownBy(() -> QualityReport.duration("12 hours")).hasMessageContaining("12h, 30m, 90s, 2d or 0");
    assertThatThrownBy(() -> QualityReport.duration("-1h")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldReadWholeNumbersAndNameTheOptionOfAWrongOne() {
    // given
    java.util.Map<String, String> options = java.util.Map.of("variants", "250", "limit", "-2", "seed", "x");

    // when / then
    assertThat(QualityReport.number(options, "variants", 1000, 0, Integer.MAX_VALUE)).isEqualTo(250);
    assertThat(QualityReport.number(options, "examples", 5, 0, Integer.MAX_VALUE)).isEqualTo(5);
    assertThatThrownBy(() -> QualityReport.number(options, "limit", 0, 0, 10)).hasMessage("--limit must be from 0 to 10, was -2");
    assertThatThrownBy(() -> QualityReport.number(options, "variants", 0, 0, 100)).hasMessage("--variants must be from 0 to 100, was 250");
    assertThatThrownBy(() -> QualityReport.number(options, "seed", 42, Long.MIN_VALUE, Long.MAX_VALUE))
        .hasMessage("--seed must be a whole number, was x");
  }
}
