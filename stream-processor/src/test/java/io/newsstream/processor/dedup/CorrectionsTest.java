package io.newsstream.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorrectionsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CORRECTED - BANKAMERICA NEGOTIATING UNITS SALE",
        "CORRECTED-SINGAPORE ASIAN DLR CLSG",
        "Correction: Minister resigns",
        "(CORRECTION) Minister resigns",
        "  [Corrected] Minister resigns",
        "correcting a figure: bank profit rises"
      })
  void shouldRecogniseATitleThatAnnouncesACorrection(String title) {
    assertThat(Corrections.isCorrection(title)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "BANKAMERICA NEGOTIATING UNITS SALE",
        "Minister corrected on budget figures",
        "Correctional officers strike",
        "Market correction deepens",
        ""
      })
  void shouldNotMistakeOtherTitlesForCorrections(String title) {
    assertThat(Corrections.isCorrection(title)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void shouldTreatAMissingTitleAsNoCorrection() {
    assertThat(Corrections.isCorrection(null)).isFalse();
  }
}
