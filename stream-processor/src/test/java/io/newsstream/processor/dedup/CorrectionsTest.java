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
        "CORRECTED SINGAPORE ASIAN DLR CLSG - APRIL 7",
        "Correction: Minister resigns",
        "(CORRECTION) Minister resigns",
        "  [Corrected] Minister resigns",
        "Corrected | Bank profit rises",
        "Correction \u2013 Bank profit rises"
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
        "Correction facility opens in Texas",
        "Corrected figures show growth slowed",
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
