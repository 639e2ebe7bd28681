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

  @Test
  void shouldFindTheWordsOfChineseText() {
    // given: no spaces between words
    String title = "国务院总理李强主持召开国务院常务会议";
    String body = "国务院总理李强12月6日主持召开国务院常务会议，研究进一步推动经济持续回升向好的政策措施。"
        + "会议指出，经济运行总体平稳。会议强调，要加大宏观政策调控力度，扩大国内需求。";

    // when
    List<String> keywords = EXTRACTOR.extract(title, body, "zh");

    // then: whole words, not overlapping pairs of characters
    assertThat(keywords.subList(0, 4)).contains("会议", "国务院");
    assertThat(keywords).contains("政策", "经济").doesNotContain("务院", "国务").allMatch(k -> k.length() >= 2);
  }

  @Test
  void shouldFindTheWordsOfJapaneseTextWithoutParticles() {
    // given
    String title = "日銀 追加利上げを検討";
    String body = "日本銀行は、来週の金融政策決定会合で追加の利上げを検討する見通しです。"
        + "植田総裁は記者会見で、物価と賃金の動向を注視すると述べました。";

    // when
    List<String> keywords = EXTRACTOR.extract(title, body, "ja");

    // then
    assertThat(keywords).contains("利上げ", "検討", "日銀", "会見").doesNotContain("は", "の", "です", "ます");
  }

  @Test
  void shouldFindKoreanNounsWholeAndNoVerbs() {
    // given
    String title = "삼성전자 새 스마트폰 공개";
    String body = "삼성전자는 7일 서울에서 새 스마트폰을 공개했다. 회사 측은 인공지능 기능을 강화했다고 밝혔다.";

    // when
    List<String> keywords = EXTRACTOR.extract(title, body, "ko");

    // then
    assertThat(keywords).contains("삼성전자", "스마트폰", "공개", "서울").doesNotContain("스마트", "밝혔", "밝히");
  }
}
