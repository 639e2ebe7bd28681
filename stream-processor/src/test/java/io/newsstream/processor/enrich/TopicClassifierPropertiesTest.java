package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TopicClassifierPropertiesTest {

  private final TopicClassifier classifier =
      new TopicClassifier(
          EnrichmentConfig.fromProperties(
              Map.of(
                  "enrich.topics.replace-defaults", "true",
                  "enrich.topics.business.terms", "fr:inflation:2,fr:économi*:1.5,it:economia:2,fr:impôt*:1,it:inflazione:2",
                  "enrich.topics.politics.terms", "fr:élection*:2,fr:assemblée nationale:2,it:elezioni:2,fr:otan:1",
                  "enrich.topics.health.terms", "fr:hôpital:2,it:ospedale:2,fr:épidémie:1",
                  "enrich.topics.threshold", "0.1")));

  /** Texts of taxonomy words that start with a vowel and words of no topic. */
  @Provide
  Arbitrary<List<String>> words() {
    return Arbitraries.of(
            "inflation", "économie", "économiques", "impôts", "élection", "élections", "assemblée", "nationale",
            "otan", "hôpital", "épidémie", "economia", "inflazione", "elezioni", "ospedale", "avec", "une", "été",
            "hausse", "forte", "oui")
        .list()
        .ofMinSize(1)
        .ofMaxSize(40);
  }

  @Provide
  Arbitrary<String> frenchElisions() {
    return Arbitraries.of("l’", "l'", "d’", "d'", "qu’", "s’", "n’");
  }

  @Provide
  Arbitrary<String> italianElisions() {
    return Arbitraries.of("l’", "l'", "d’", "dell’", "all’", "nell’", "sull’", "un’");
  }

  @Property(tries = 200)
  void anElidedArticleBeforeAWordChangesNoTopicInFrench(
      @ForAll("words") List<String> words, @ForAll("frenchElisions") String elision) {
    assertSameTopicsWithElision(words, elision, "fr");
  }

  @Property(tries = 200)
  void anElidedArticleBeforeAWordChangesNoTopicInItalian(
      @ForAll("words") List<String> words, @ForAll("italianElisions") String elision) {
    assertSameTopicsWithElision(words, elision, "it");
  }

  private void assertSameTopicsWithElision(List<String> words, String elision, String language) {
    String plain = String.join(" ", words);
    // as the languages write it: before a vowel or h only
    String elided =
        String.join(" ", words.stream().map(w -> "aeiouhéèêàâîôû".indexOf(w.charAt(0)) >= 0 ? elision + w : w).toList());

    assertThat(classifier.classify("", elided, null, language)).isEqualTo(classifier.classify("", plain, null, language));
  }

  @Property(tries = 200)
  void termsOfOneLanguageNeverMatchAnotherOrNone(@ForAll("words") List<String> words) {
    String text = String.join(" ", words);

    assertThat(classifier.classify("", text, null, "de")).isEmpty();
    assertThat(classifier.classify("", text, null, (String) null)).isEmpty();
  }
}
