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
}
