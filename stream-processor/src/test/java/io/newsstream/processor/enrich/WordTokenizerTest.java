package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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

  @Test
  void shouldNormaliseEachWordAsLowerCaseLettersDigitsAndIdeographsOnly() {
    // given: texts mixing ASCII in both cases, accented and Turkish capitals, joiners, marks,
    // ideographs, kana and characters outside the Basic Multilingual Plane
    String[] pieces = {
      "a", "Z", "Q7", "0", "É", "İ", "ß", "e\u0301", "'", "’", "-", ".", ",", "&", " ", "U.S.",
      "1,400", "東", "カ", "・", "\uD835\uDC00", "\uD801\uDC00", "ǅ"
    };
    Random random = new Random(3);
    for (int t = 0; t < 5_000; t++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(10); k > 0; k--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }

      // when
      List<String> normalized = WordTokenizer.normalizedWords(text.toString());

      // then: word by word, the characters kept, lower-cased as a whole
      List<String> expected = new ArrayList<>();
      for (String word : WordTokenizer.words(text.toString())) {
        StringBuilder kept = new StringBuilder();
        word.codePoints()
            .filter(cp -> WordTokenizer.isWordChar(cp) || Character.isIdeographic(cp))
            .forEach(kept::appendCodePoint);
        expected.add(kept.toString().toLowerCase(Locale.ROOT));
      }
      assertThat(normalized).as("%s", text).isEqualTo(expected);
    }
  }

  @Test
  void shouldCollectTheWordsStartingWithADigitAsWrittenWhileNormalising() {
    // when
    List<String> numbers = new ArrayList<>();
    List<String> normalized = WordTokenizer.normalizedWords("Profit rose 1,400 dlrs to 2.5 mln, 3rd-quarter; 東京 ９ US$5", numbers);

    // then: the normalised words as without the list; the figures as written (a full-width
    // digit is a digit too)
    assertThat(normalized).isEqualTo(WordTokenizer.normalizedWords("Profit rose 1,400 dlrs to 2.5 mln, 3rd-quarter; 東京 ９ US$5"));
    assertThat(numbers).containsExactly("1,400", "2.5", "3rd-quarter", "９", "5");
  }

  @Test
  void shouldFindTheSameFiguresInOnePassAsInTheWordsAsWritten() {
    // given: random texts of words, figures, joiners and scripts
    String[] pieces = {
      "a", "Z", "7", "0", "1,400", "2.5", ".", ",", "-", "'", " ", "U.S.", "東", "カ", "٣", "९", "É",
      "\uD835\uDFCE", "x9"
    };
    Random random = new Random(7);
    for (int t = 0; t < 5_000; t++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }

      // when
      List<String> numbers = new ArrayList<>();
      List<String> normalized = WordTokenizer.normalizedWords(text.toString(), numbers);

      // then
      List<String> expected = new ArrayList<>();
      for (String word : WordTokenizer.words(text.toString())) {
        if (Character.isDigit(word.charAt(0))) {
          expected.add(word);
        }
      }
      assertThat(numbers).as("%s", text).isEqualTo(expected);
      assertThat(normalized).as("%s", text).isEqualTo(WordTokenizer.normalizedWords(text.toString()));
    }
  }
}
