package io.newsstream.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShingleWhatIfTest {

  @Test
  void shouldMeasureContainmentOfATrimmedCopyAsOne() {
    // given: 6 words = 4 shingles; the trimmed copy keeps the first 3 of them
    long[] full = ShingleWhatIf.shingles("one two three four five six");
    long[] trimmed = ShingleWhatIf.shingles("One two, three four five.");

    // when
    ShingleWhatIf.Similarity s = ShingleWhatIf.compare(trimmed, full);

    // then
    assertThat(s.containment()).isEqualTo(1.0);
    assertThat(s.jaccard()).isCloseTo(3.0 / 4, within(1e-9));
  }

  @Test
  void shouldFindTheMostSimilarEarlierTextThroughSharedShingles() {
    // given
    List<long[]> texts =
        List.of(
            ShingleWhatIf.shingles("alpha beta gamma delta epsilon"),
            ShingleWhatIf.shingles("zeta eta theta iota kappa"),
            ShingleWhatIf.shingles("alpha beta gamma delta omega"));

    // when: the first and third quote different figures
    List<ShingleWhatIf.Nearest> nearest =
        ShingleWhatIf.nearestEarlier(texts, List.of(Set.of("1.5"), Set.of(), Set.of("2.5")));

    // then: the third shares 2 of its 3 shingles with the first, nothing with the second
    assertThat(nearest.get(0).any().jaccard()).isZero();
    assertThat(nearest.get(1).any().jaccard()).isZero();
    assertThat(nearest.get(2).any().jaccard()).isCloseTo(2.0 / 4, within(1e-9));
    assertThat(nearest.get(2).any().containment()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(nearest.get(2).guarded().containment()).isZero();
  }

  @Test
  void shouldPassTheFiguresGuardOnlyWhenTheShorterTextsNumbersAreAllInTheLonger() {
    // then: a trimmed copy keeps a subset of the numbers; a recurring report changes one
    assertThat(ShingleWhatIf.figuresCompatible(Set.of("1.5"), 10, Set.of("1.5", "1987"), 20)).isTrue();
    assertThat(ShingleWhatIf.figuresCompatible(Set.of("1.5", "1987"), 20, Set.of("1.5"), 10)).isTrue();
    assertThat(ShingleWhatIf.figuresCompatible(Set.of("2.5", "6-3/16"), 43, Set.of("1.5", "6-3/16"), 43)).isFalse();
  }
}
