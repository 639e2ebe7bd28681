package io.newsstream.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainmentSketchTest {

  private static final String STORY =
      """
      The U.S. House Ways and Means Committee approved a trade bill on Tuesday that would require
      the administration to retaliate against countries with large trade surpluses with the
      United States, congressional aides said. The bill, approved by a vote of 34 to 2, now goes
      to the full House, where a vote is expected in late April.

      The measure would give the president less discretion in trade cases and would set a deadline
      of 18 months for negotiations with surplus countries before sanctions are imposed.

      Administration officials have said the president would veto a bill that restricted his
      authority in trade matters, but aides said changes made on Tuesday eased some objections.
      """;

  private static final String LAST_PARAGRAPH =
      "Administration officials have said the president would veto a bill that restricted his";

  private static String trimmed() {
    return STORY.substring(0, STORY.indexOf(LAST_PARAGRAPH));
  }

  @Test
  void shouldFindATrimmedCopyFullyContainedAndShareAKey() {
    ContainmentSketch original = ContainmentSketch.of(STORY);
    ContainmentSketch copy = ContainmentSketch.of(trimmed());

    assertThat(copy.containedIn(original)).isEqualTo(1.0);
    assertThat(original.containedIn(copy)).isLessThan(0.9);
    assertThat(copy.figuresIn(original)).isTrue();
    assertThat(copy.copyOf(original, 0.9)).isTrue();
    Set<String> shared = new HashSet<>(original.keys());
    shared.retainAll(copy.keys());
    assertThat(shared).isNotEmpty();
  }

  @Test
  void shouldFindTheOriginalContainedInACopyWithCreditLinesAdded() {
    ContainmentSketch original = ContainmentSketch.of(STORY);
    ContainmentSketch extended =
        ContainmentSketch.of(STORY + "\nReporting by Jane Doe; Editing by John Roe\nOur Standards: The Trust Principles.");

    assertThat(original.containedIn(extended)).isEqualTo(1.0);
    assertThat(extended.copyOf(original, 0.9)).isTrue();
  }

  @Test
  void shouldTreatAMuchLongerLaterStoryContainingAnEarlierBriefAsNew() {
    String brief = STORY.substring(0, STORY.indexOf("The measure would"));
    ContainmentSketch earlierBrief = ContainmentSketch.of(brief);
    ContainmentSketch fullStory = ContainmentSketch.of(STORY);

    assertThat(earlierBrief.containedIn(fullStory)).isEqualTo(1.0);
    assertThat(fullStory.shingles()).isGreaterThan((int) (ContainmentSketch.MAX_GROWTH * earlierBrief.shingles()));
    assertThat(fullStory.copyOf(earlierBrief, 0.9)).isFalse();
    assertThat(earlierBrief.copyOf(fullStory, 0.9)).isTrue();
  }

  @Test
  void shouldKeepUnrelatedTextsApart() {
    ContainmentSketch story = ContainmentSketch.of(STORY);
    ContainmentSketch other =
        ContainmentSketch.of(
            """
            Shares of European carmakers fell sharply on Wednesday after the largest producer warned
            that demand in its home market would stay weak for the rest of the year, and analysts cut
            their forecasts for the sector. The company said it would close two plants and reduce its
            workforce by several thousand people over three years, blaming high energy costs.
            """);

    assertThat(story.containedIn(other)).isLessThan(0.3);
    assertThat(other.copyOf(story, 0.9)).isFalse();
    Set<String> shared = new HashSet<>(story.keys());
    shared.retainAll(other.keys());
    assertThat(shared).isEmpty();
  }

  @Test
  void shouldRejectTheSameWordingWithOtherFigures() {
    ContainmentSketch week1 = ContainmentSketch.of(STORY);
    ContainmentSketch week2 = ContainmentSketch.of(STORY.replace("34 to 2", "31 to 5"));

    assertThat(week2.containedIn(week1)).isGreaterThan(0.9);
    assertThat(week1.figuresContained(week2)).isFalse();
    assertThat(week2.copyOf(week1, 0.9)).isFalse();
  }

  @Test
  void shouldTellACorrectedFigureFromTheOriginalOne() {
    // given: a correction that moves a decimal point, which the shingles do not see
    String original = STORY.replace("34 to 2", "34 to 2, and the cost at 14 cents a share");
    String corrected = STORY.replace("34 to 2", "34 to 2, and the cost at 1.4 cents a share");

    // when
    ContainmentSketch first = ContainmentSketch.of(original);
    ContainmentSketch correction = ContainmentSketch.of(corrected);

    // then
    assertThat(correction.containedIn(first)).isEqualTo(1.0);
    assertThat(correction.copyOf(first, 0.9)).isFalse();
  }

  @Test
  void shouldGiveNoEstimateForAVeryShortText() {
    ContainmentSketch headline = ContainmentSketch.of("House panel approves trade bill");

    assertThat(headline.shingles()).isLessThan(ContainmentSketch.MIN_SHINGLES);
    assertThat(headline.containedIn(ContainmentSketch.of(STORY))).isZero();
  }

  @Test
  void shouldKeepAtMostTheConfiguredValuesAndNoKeysForATextWithoutWords() {
    ContainmentSketch sketch = ContainmentSketch.of(STORY);

    assertThat(sketch.bottom()).hasSize(ContainmentSketch.SIZE);
    assertThat(sketch.shingles()).isGreaterThan(ContainmentSketch.SIZE);
    assertThat(sketch.keys()).hasSize(ContainmentSketch.KEY_VALUES * (ContainmentSketch.KEY_VALUES - 1) / 2);
    assertThat(ContainmentSketch.of("").keys()).isEmpty();
    assertThat(ContainmentSketch.of("").containedIn(sketch)).isZero();
  }
}
