package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordTokenizerTest {

  @Test
  void shouldKeepInnerApostrophesHyphensAndNumberSeparators() {
    // when / then
    assertThat(WordTokenizer.words("Don't stop: end-to-end, 1,400 users; 2.5 pct (U.S.)"))
        .containsExactly("Don't", "stop", "end-to-end", "1,400", "users", "2.5", "pct", "U.S");
  }

  @Test
  void shouldSplitSentencesGluedByAPeriodBetweenLowerCaseWords() {
    // when / then
    assertThat(WordTokenizer.words("breach.a member")).containsExactly("breach", "a", "member");
  }

  @Test
  void shouldMakeEachIdeographAWord() {
    // when / then
    assertThat(WordTokenizer.words("東京 market")).containsExactly("東", "京", "market");
  }

  @Test
  void shouldNormaliseWordsForComparisonIgnoringTypography() {
    // when / then
    assertThat(WordTokenizer.normalizedWords("WhatsApp’s “Pegasus”"))
        .containsExactly("whatsapps", "pegasus");
    assertThat(WordTokenizer.normalizedWords("WhatsApp's \"Pegasus\""))
        .containsExactly("whatsapps", "pegasus");
  }
}
