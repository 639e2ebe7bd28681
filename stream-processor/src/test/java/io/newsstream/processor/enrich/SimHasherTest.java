package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimHasherTest {

  private final SimHasher hasher = new SimHasher();

  @Test
  void shouldIgnoreCasePunctuationAndWhitespace() {
    // given
    String a = "WhatsApp’s “Pegasus” spyware was installed in phones, the company said.";
    String b = "whatsapp's \"PEGASUS\" spyware   was installed in phones the company said";

    // when / then
    assertThat(hasher.simhash(a)).isEqualTo(hasher.simhash(b));
  }

  @Test
  void shouldHashATextWithoutWordsToZeroAndAShortTextToNonZero() {
    // when / then
    assertThat(hasher.simhash("")).isZero();
    assertThat(hasher.simhash(" ... ")).isZero();
    assertThat(hasher.simhash("two words")).isNotZero();
  }

  @Test
  void shouldKeepTheSampleArticleCloseAfterALightEdit() {
    // given
    String body = SampleArticle.BODY;
    String edited = body.replace("has sued NSO", "sued NSO");

    // when
    int distance = SimHasher.hammingDistance(hasher.simhash(body), hasher.simhash(edited));

    // then
    assertThat(distance).isBetween(1, 8);
  }

  @Test
  void shouldPutUnrelatedArticlesFarApart() {
    // given
    String other =
        "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought"
            + " since early January and improving prospects for the coming temporao, although"
            + " normal humidity levels have not been restored, Comissaria Smith said in its"
            + " weekly review.";

    // when
    int distance =
        SimHasher.hammingDistance(hasher.simhash(SampleArticle.BODY), hasher.simhash(other));

    // then
    assertThat(distance).isGreaterThan(12);
  }

  @Test
  void shouldCountDifferingBits() {
    // when / then
    assertThat(SimHasher.hammingDistance(0L, 0L)).isZero();
    assertThat(SimHasher.hammingDistance(0L, -1L)).isEqualTo(64);
    assertThat(SimHasher.hammingDistance(0b1011L, 0b0001L)).isEqualTo(2);
  }

  @Test
  void shouldSetExactlyTheBitsThatMoreThanHalfOfTheShinglesHave() {
    // given: word lists from a small vocabulary, of odd and even shingle counts (ties)
    Random random = new Random(5);
    for (int t = 0; t < 500; t++) {
      List<String> words = new ArrayList<>();
      for (int k = random.nextInt(12); k > 0; k--) {
        words.add("w" + random.nextInt(6));
      }

      // when
      long simhash = hasher.simhash(words);

      // then: each bit decided by +1/-1 votes of the shingles
      long[] shingles = SimHasher.shingleHashes(words);
      for (int bit = 0; bit < 64; bit++) {
        int votes = 0;
        for (long shingle : shingles) {
          votes += ((shingle >>> bit) & 1L) == 1L ? 1 : -1;
        }
        assertThat((simhash >>> bit) & 1L).as("bit %d of %s", bit, words).isEqualTo(votes > 0 ? 1L : 0L);
      }
    }
  }
}
