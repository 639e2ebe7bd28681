package io.newsstream.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
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

    // when
    List<ShingleWhatIf.Similarity> nearest = ShingleWhatIf.nearestEarlier(texts);

    // then: the third shares 2 of its 3 shingles with the first, nothing with the second
    assertThat(nearest.get(0).jaccard()).isZero();
    assertThat(nearest.get(1).jaccard()).isZero();
    assertThat(nearest.get(2).jaccard()).isCloseTo(2.0 / 4, within(1e-9));
    assertThat(nearest.get(2).containment()).isCloseTo(2.0 / 3, within(1e-9));
  }
}
