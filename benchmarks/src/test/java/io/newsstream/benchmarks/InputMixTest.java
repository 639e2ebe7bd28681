package io.newsstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InputMixTest {

  private static final List<CorpusArticle> CORPUS = IntStream.range(0, 50)
      .mapToObj(i -> new CorpusArticle("c-" + i, "https://example.test/" + i, "Title " + i,
          "Body of article " + i + " with some words on subject " + i, null, null, "Reuters"))
      .toList();

  @Test
  void shouldTellWhenTheInputWouldNotFitInTheHeapAndWhatToSet() {
    long gigabyte = 1L << 30;

    // the default -Xmx1g holds the documented runs, not a million articles
    assertThat(InputMix.heapProblem(240_000, gigabyte)).isNull();
    assertThat(InputMix.heapProblem(1_000_000, gigabyte))
        .contains("--articles 1000000")
        .contains("about 1488 MB")
        .contains("1024 MB")
        .endsWith("BENCH_JVM_OPTS=-Xmx2g");
    assertThat(InputMix.heapProblem(1_000_000, 6 * gigabyte)).isNull();
  }

  @Test
  void shouldMakeNewTextsOnceTheCorpusIsUsedUp() {
    // when: four times the corpus, no duplicates
    List<InputMix.Item> items = InputMix.build(CORPUS, 200, 0, 1);

    // then: every original's body is one of its own; past the corpus, the corpus article of its
    // place with the words swapped and the numbers kept
    Set<String> bodies = new HashSet<>();
    for (InputMix.Item item : items) {
      assertThat(bodies.add(item.article().body())).as(item.article().id()).isTrue();
    }
    InputMix.Item late = items.get(120);
    assertThat(late.article().id()).isEqualTo("c-20~2");
    assertThat(late.article().body()).isNotEqualTo(CORPUS.get(20).body()).contains(" 20 ").endsWith(" 20");
    assertThat(late.article().body().split(" ")).hasSameSizeAs(CORPUS.get(20).body().split(" "));
  }

  @Test
  void shouldSwapWordsSoThatPassesShareAlmostNoShingles() {
    // given: 40 articles of 300 words drawn from a vocabulary of 3,000 with Zipf-like weights
    Random random = new Random(5);
    List<String> vocabulary = IntStream.range(0, 3000).mapToObj(InputMixTest::letters).toList();
    List<CorpusArticle> corpus = IntStream.range(0, 40)
        .mapToObj(i -> new CorpusArticle("z-" + i, "https://example.test/z" + i, "Title", IntStream.range(0, 300)
            .mapToObj(w -> vocabulary.get((int) Math.min(2999, Math.floor(Math.exp(random.nextDouble() * Math.log(3000))))))
            .collect(Collectors.joining(" ")), null, null, "Reuters"))
        .toList();
    InputMix.WordSwap swap = new InputMix.WordSwap(corpus, 42);

    // when
    String pass1 = swap.apply(corpus.get(0).body(), 1);
    String pass2 = swap.apply(corpus.get(0).body(), 2);

    // then: the same length, a different text, and few word 3-shingles in common with the corpus
    // text or with each other (a half-and-half text shared half of them)
    assertThat(pass1.split(" ")).hasSameSizeAs(corpus.get(0).body().split(" "));
    assertThat(pass1).isNotEqualTo(pass2).isEqualTo(swap.apply(corpus.get(0).body(), 1));
    assertThat(sharedShingles(corpus.get(0).body(), pass1)).isLessThan(0.05);
    assertThat(sharedShingles(pass1, pass2)).isLessThan(0.05);
  }

  @Test
  void shouldKeepEachWordsCaseAndEveryNumber() {
    // given
    List<CorpusArticle> corpus = List.of(new CorpusArticle("a", "https://example.test/a", "T", "alpha beta gamma delta", null, null, "R"));
    InputMix.WordSwap swap = new InputMix.WordSwap(corpus, 1);

    // when
    String swapped = swap.apply("Alpha BETA gamma, 42.5 delta-epsilon", 1);

    // then: an unknown word (epsilon) stays as it is
    assertThat(swapped).matches("[A-Z][a-z]+ [A-Z]+ [a-z]+, 42\\.5 [a-z]+-epsilon");
  }

  private static String letters(int n) {
    StringBuilder word = new StringBuilder();
    do {
      word.append((char) ('a' + n % 26));
      n /= 26;
    } while (n > 0);
    return word.append("x").toString();
  }

  private static double sharedShingles(String a, String b) {
    Set<String> first = shingles(a);
    Set<String> second = shingles(b);
    long shared = first.stream().filter(second::contains).count();
    return shared / (double) first.size();
  }

  private static Set<String> shingles(String text) {
    String[] words = text.split(" ");
    Set<String> shingles = new HashSet<>();
    for (int i = 0; i + 2 < words.length; i++) {
      shingles.add(words[i] + " " + words[i + 1] + " " + words[i + 2]);
    }
    return shingles;
  }

  @Test
  void shouldPlaceEveryDuplicateAfterItsOriginal() {
    // when
    List<InputMix.Item> items = InputMix.build(CORPUS, 1000, 30, 7);

    // then
    Set<CorpusArticle> seen = new HashSet<>();
    for (InputMix.Item item : items) {
      if (item.kind() == InputMix.Kind.ORIGINAL) {
        seen.add(item.article());
      } else {
        assertThat(seen).contains(item.article());
      }
    }
  }

  @Test
  void shouldMixRoughlyTheRequestedShareOfDuplicates() {
    // when
    List<InputMix.Item> items = InputMix.build(CORPUS, 2000, 15, 42);

    // then
    long duplicates = items.stream().filter(i -> i.kind() != InputMix.Kind.ORIGINAL).count();
    assertThat(items).hasSize(2000);
    assertThat(duplicates).isBetween(200L, 400L);
  }

  @Test
  void shouldReuseTheUrlOnlyForRepostsUnderTheSameUrl() {
    // when
    List<InputMix.Item> items = InputMix.build(CORPUS, 1000, 50, 3);

    // then
    Set<Long> originalUrls = new HashSet<>();
    for (InputMix.Item item : items) {
      switch (item.kind()) {
        case ORIGINAL, SAME_TEXT_OTHER_URL, LIGHT_EDIT_OTHER_URL -> assertThat(originalUrls.add(item.urlSequence())).isTrue();
        case REPOST_SAME_URL -> assertThat(originalUrls).contains(item.urlSequence());
      }
    }
  }

  @Test
  void shouldChangeOnlyTheLastWordOfALightEdit() {
    // given
    InputMix.Item edit = new InputMix.Item(CORPUS.get(0), InputMix.Kind.LIGHT_EDIT_OTHER_URL, 1);

    // when
    String body = InputMix.body(edit);

    // then
    assertThat(body).isEqualTo("Body of article 0 with some words on subject amended.");
    assertThat(InputMix.body(new InputMix.Item(CORPUS.get(0), InputMix.Kind.SAME_TEXT_OTHER_URL, 2)))
        .isEqualTo(CORPUS.get(0).body());
  }
}
