package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordExtractorTest {

  private static final KeywordExtractor EXTRACTOR = new KeywordExtractor(10);

  @Test
  void shouldRankCharacteristicTermsOfTheSampleFirst() {
    // given
    ArticleInput sample = SampleArticle.input();

    // when
    List<String> keywords = EXTRACTOR.extract(sample.title(), sample.body(), "en");

    // then
    assertThat(keywords).hasSizeLessThanOrEqualTo(10);
    assertThat(keywords.subList(0, 5)).contains("whatsapp", "nso", "spyware");
  }

  @Test
  void shouldDropStopWordsShortTermsAndNumbers() {
    // given
    String body = "The the and of said would 2019 123 it is an ox on spyware spyware";

    // when
    List<String> keywords = EXTRACTOR.extract("", body, "en");

    // then
    assertThat(keywords).containsExactly("spyware");
  }

  @Test
  void shouldMergeInflectionsIntoOneKeywordShownByItsCommonestForm() {
    // given
    String body = "Companies merge. The company merged. Companies merging with companies.";

    // when
    List<String> keywords = EXTRACTOR.extract("", body, "en");

    // then
    assertThat(keywords).containsExactlyInAnyOrder("companies", "merge");
  }

  @Test
  void shouldWeightTermsAgainstCorpusFrequencies() {
    // given: "market" is common in the reference corpus, "cryptocurrency" is not
    String body = "market market cryptocurrency";

    // when
    List<String> keywords = EXTRACTOR.extract("", body, "en");

    // then
    assertThat(keywords.get(0)).isEqualTo("cryptocurrency");
  }

  @Test
  void shouldUseTheAnalyzerOfTheDetectedLanguage() {
    // given
    String body = "Die Regierung und die Regierungen der Länder haben über die Energiepreise beraten.";

    // when
    List<String> keywords = EXTRACTOR.extract("", body, "de");

    // then
    assertThat(keywords).doesNotContain("die", "und", "der", "haben", "über");
    assertThat(keywords).contains("energiepreise");
    assertThat(keywords).containsOnlyOnce("regierung");
  }

  @Test
  void shouldCountTitleTermsTwice() {
    // given
    String title = "Pegasus";
    String body = "Spyware spyware.";

    // when
    List<String> keywords = EXTRACTOR.extract(title, body, "en");

    // then
    assertThat(keywords).containsExactly("pegasus", "spyware");
  }

  @Test
  void shouldShowFrenchAndItalianKeywordsWithoutTheirElidedArticle() {
    // given
    String french = "L’inflation ralentit. L'inflation de la zone euro recule, l’inflation sous-jacente aussi.";
    String italian = "Dell’economia si parla poco: l’economia italiana cresce e l'economia tedesca frena.";

    // when
    List<String> frenchKeywords = EXTRACTOR.extract("", french, "fr");
    List<String> italianKeywords = EXTRACTOR.extract("", italian, "it");
    List<String> englishKeywords = EXTRACTOR.extract("", "O'Brien met O'Brien's lawyers; O'Brien said no.", "en");

    // then
    assertThat(frenchKeywords).contains("inflation").noneMatch(k -> k.contains("’") || k.contains("'"));
    assertThat(italianKeywords).contains("economia").noneMatch(k -> k.contains("’") || k.contains("'"));
    assertThat(englishKeywords).contains("o'brien");
    assertThat(KeywordExtractor.withoutElision("d’intérêt", "interet")).isEqualTo("intérêt");
    assertThat(KeywordExtractor.withoutElision("don't", "don't")).isEqualTo("don't");
  }
}
