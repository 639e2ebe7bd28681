package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class SimHasherPropertiesTest {

  private final SimHasher hasher = new SimHasher();

  @Provide
  Arbitrary<List<String>> articles() {
    // Long "articles" of 800 to 1,200 random words from a large vocabulary.
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .ofMinLength(2)
        .ofMaxLength(10)
        .list()
        .ofMinSize(800)
        .ofMaxSize(1200);
  }

  @Property(tries = 100)
  void distanceIsSymmetric(@ForAll("articles") List<String> a, @ForAll("articles") List<String> b) {
    long ha = hasher.simhash(String.join(" ", a));
    long hb = hasher.simhash(String.join(" ", b));
    assertThat(SimHasher.hammingDistance(ha, hb)).isEqualTo(SimHasher.hammingDistance(hb, ha));
  }

  @Property(tries = 100)
  void identicalTextsHaveDistanceZero(@ForAll("articles") List<String> a) {
    String text = String.join(" ", a);
    assertThat(SimHasher.hammingDistance(hasher.simhash(text), hasher.simhash(new String(text))))
        .isZero();
  }

  /**
   * A one-word edit replaces three of about a thousand shingles; each bit flips only when its
   * vote total is within a few votes of zero, so a handful of bits move (about 5 on average).
   */
  @Property(tries = 100)
  void aOneWordEditOfALongArticleMovesFewBits(
      @ForAll("articles") List<String> a,
      @ForAll @IntRange(min = 0, max = 799) int position,
      @ForAll("replacement") String replacement) {
    List<String> edited = new ArrayList<>(a);
    edited.set(position, replacement);
    int distance =
        SimHasher.hammingDistance(
            hasher.simhash(String.join(" ", a)), hasher.simhash(String.join(" ", edited)));
    assertThat(distance).isLessThanOrEqualTo(14);
  }

  /**
   * Unrelated texts differ in about half of the 64 bits (32, standard deviation 4). Unrelated
   * means no shared word: the second text's words get a prefix the first's cannot have, and
   * jqwik's edge cases (lists of one repeated word such as "aa") are off, since two such lists
   * are the same text, not unrelated ones.
   */
  @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
  void unrelatedArticlesAreFarApart(
      @ForAll("articles") List<String> a, @ForAll("articles") List<String> b) {
    int distance =
        SimHasher.hammingDistance(
            hasher.simhash(String.join(" ", a)), hasher.simhash("q0" + String.join(" q0", b)));
    assertThat(distance).isGreaterThanOrEqualTo(14);
  }

  @Provide
  Arbitrary<String> replacement() {
    return Arbitraries.strings().withCharRange('0', '9').ofMinLength(3).ofMaxLength(6);
  }
}
