package io.newsstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InputMixTest {

  private static final List<CorpusArticle> CORPUS = IntStream.range(0, 50)
      .mapToObj(i -> new CorpusArticle("c-" + i, "https://example.test/" + i, "Title " + i,
          "Body of article " + i + " with some words on subject " + i, null, null, "Reuters"))
      .toList();

  @Test
  void shouldMakeNewTextsOnceTheCorpusIsUsedUp() {
    // when: four times the corpus, no duplicates
    List<InputMix.Item> items = InputMix.build(CORPUS, 200, 0, 1);

    // then: every original's body is one of its own, each past the corpus half of one article and half of another
    Set<String> bodies = new HashSet<>();
    for (InputMix.Item item : items) {
      assertThat(bodies.add(item.article().body())).as(item.article().id()).isTrue();
    }
    InputMix.Item late = items.get(120);
    assertThat(late.article().id()).contains("+");
    assertThat(late.article().body()).startsWith("Body of article 20 with").doesNotContain("on subject 20");
    assertThat(CORPUS.stream().map(CorpusArticle::body)).doesNotContain(late.article().body());
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
