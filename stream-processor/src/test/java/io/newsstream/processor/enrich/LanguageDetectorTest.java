package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

  private static final LanguageDetector DETECTOR =
      new LanguageDetector(EnrichmentConfig.defaults());

  @Test
  void shouldDetectEnglishNewsText() {
    // given
    String body =
        "The government insists that WhatsApp and other messaging services allow for"
            + " traceability to help law-enforcement agencies fight crimes such as terrorism.";

    // when
    LanguageDetector.Detection detection = DETECTOR.detect("", body, null);

    // then
    assertThat(detection.language()).isEqualTo("en");
    assertThat(detection.confidence()).isBetween(0.5, 1.0);
  }

  @Test
  void shouldDetectOtherLanguagesWithTheFunctionWordGuess() {
    // given
    String german =
        "Die Bundesregierung hat am Dienstag einen neuen Plan für die Wirtschaft vorgestellt, der"
            + " nach Angaben des Ministeriums auch die Energiepreise senken soll.";
    String french =
        "La Commission européenne a présenté mardi un nouveau plan pour l'économie, qui doit"
            + " selon le ministère aussi réduire les prix de l'énergie dans les pays membres.";

    // when / then
    assertThat(DETECTOR.detect("", german, null).language()).isEqualTo("de");
    assertThat(DETECTOR.detect("", french, null).language()).isEqualTo("fr");
  }

  @Test
  void shouldDetectLanguagesOutsideTheGuessWithLingua() {
    // given
    String russian =
        "Правительство во вторник представило новый план для экономики, который, по словам"
            + " министерства, должен также снизить цены на энергию.";
    String swedish =
        "Regeringen presenterade på tisdagen en ny plan för ekonomin som enligt departementet"
            + " också ska sänka energipriserna i landet.";

    // when
    LanguageDetector.Detection ru = DETECTOR.detect("", russian, null);
    LanguageDetector.Detection sv = DETECTOR.detect("", swedish, null);

    // then
    assertThat(ru.language()).isEqualTo("ru");
    assertThat(sv.language()).isEqualTo("sv");
    assertThat(ru.confidence()).isBetween(0.0, 1.0);
  }

  @Test
  void shouldFallBackToTheDeclaredLanguageForVeryShortText() {
    // given
    String shortText = "Oui.";

    // when
    LanguageDetector.Detection declared = DETECTOR.detect("", shortText, "fr-FR");
    LanguageDetector.Detection undeclared = DETECTOR.detect("", shortText, null);

    // then
    assertThat(declared).isEqualTo(new LanguageDetector.Detection("fr", 0.0));
    assertThat(undeclared).isEqualTo(new LanguageDetector.Detection("und", 0.0));
  }

  @Test
  void shouldReportUndeterminedBelowTheConfiguredThreshold() {
    // given
    LanguageDetector strict =
        new LanguageDetector(
            EnrichmentConfig.fromProperties(Map.of("enrich.language.threshold", "1.0")));
    String mixed = "Pizza Margherita con Mozzarella und Burger with fries et du vin";

    // when
    LanguageDetector.Detection detection = strict.detect("", mixed, "en");

    // then
    assertThat(detection.language()).isEqualTo("und");
    assertThat(detection.confidence()).isLessThan(1.0);
  }

  @Test
  void shouldUseTheTitleWhenTheBodyIsTooShort() {
    // given
    String title = "The central bank said on Tuesday that it would raise interest rates again";

    // when
    LanguageDetector.Detection detection = DETECTOR.detect(title, "", null);

    // then
    assertThat(detection.language()).isEqualTo("en");
  }
}
