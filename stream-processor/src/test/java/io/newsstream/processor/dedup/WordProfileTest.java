package io.newsstream.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WordProfileTest {

  private static final String TEXT =
      "The council met on Monday, the 3rd, and agreed the plan.\n"
          + "The mayor said she had worked for it since the spring, with 1,200 residents.";

  private static int changed(String before, String after) {
    return WordProfile.of(before).wordsChanged(WordProfile.of(after));
  }

  @Test
  void shouldCountAReplacedWordAsOneAndAddedOrRemovedWordsOneEach() {
    assertThat(changed(TEXT, TEXT.replace("agreed", "approved"))).isEqualTo(1);
    assertThat(changed(TEXT, TEXT.replace("agreed", "approved").replace("mayor", "leader").replace("spring", "summer")))
        .isEqualTo(3);
    assertThat(changed(TEXT, TEXT + "\nCritics said the cost had not been published.")).isEqualTo(8);
    assertThat(changed(TEXT + "\nCritics said the cost had not been published.", TEXT)).isEqualTo(8);
  }

  @Test
  void shouldCountTheTitlesWordsWithTheBodys() {
    WordProfile before = WordProfile.of("Council agrees plan", TEXT);
    assertThat(before.wordsChanged(WordProfile.of("Council agrees the plan", TEXT))).isEqualTo(1);
    // two words gone, nine new
    assertThat(before.wordsChanged(WordProfile.of("Mayor wins vote on spring plan after year of work", TEXT))).isEqualTo(9);
    assertThat(before.sameNumbers(WordProfile.of("Council agrees plan for 2027", TEXT))).isFalse();
  }

  @Test
  void shouldSeeNoChangeInCaseSpacingPunctuationOrOrder() {
    String same = "the mayor said she had worked for it since the spring with 1,200 residents\n\n"
        + "THE COUNCIL MET ON MONDAY THE 3RD AND AGREED THE PLAN";
    assertThat(changed(TEXT, same)).isZero();
    assertThat(WordProfile.of(TEXT)).isEqualTo(WordProfile.of(same));
  }

  @Test
  void shouldTellWhetherTheNumbersChanged() {
    WordProfile before = WordProfile.of(TEXT);
    assertThat(before.sameNumbers(WordProfile.of(TEXT.replace("agreed", "approved")))).isTrue();
    assertThat(before.sameNumbers(WordProfile.of(TEXT.replace("3rd", "4th")))).isFalse();
    assertThat(before.sameNumbers(WordProfile.of(TEXT.replace("1,200", "1,300")))).isFalse();
    assertThat(before.sameNumbers(WordProfile.of(TEXT + " In 2025 it had failed."))).isFalse();
  }

  @Test
  void shouldReadBackFromItsBytesAndRefuseOtherLengths() {
    WordProfile profile = WordProfile.of(TEXT);
    assertThat(WordProfile.fromBytes(profile.bytes())).isEqualTo(profile);
    assertThat(profile.bytes()).hasSize(WordProfile.SIZE);
    assertThatThrownBy(() -> WordProfile.fromBytes(new byte[3])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldStillSeeALargeChangeWhenCountsWrapAround() {
    // given: 200 more of one word than the text had (its bucket's count passes 255)
    String longer = TEXT + " council".repeat(200);

    // then: read as a large change, never as a light one
    assertThat(changed(TEXT, longer)).isGreaterThan(50);
  }
}
