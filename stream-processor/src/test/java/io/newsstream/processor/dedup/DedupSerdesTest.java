package io.newsstream.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.processor.dedup.DedupState.NearCheck;
import io.newsstream.processor.dedup.DedupState.NearEntry;
import io.newsstream.processor.dedup.DedupState.Revision;
import io.newsstream.processor.dedup.DedupState.UrlHistory;
import io.newsstream.processor.testing.FakeEnricher;
import io.newsstream.processor.topology.Articles;
import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.processor.enrich.ArticleInput;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class DedupSerdesTest {

  private static <T> T roundTrip(Serde<T> serde, T value) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
  }

  private static EnrichedArticle article() {
    var submitted = io.newsstream.processor.testing.Articles.submitted("https://example.com/a", "Title", "Body #technology [simhash:ff]");
    var enrichment =
        new FakeEnricher().enrich(new ArticleInput(submitted.getUrl(), submitted.getTitle(), submitted.getBody(), null));
    return Articles.enriched(submitted, enrichment, Instant.parse("2026-01-01T00:00:01Z"));
  }

  @Test
  void shouldRoundTripUrlHistoryNewestFirst() {
    // given
    UrlHistory history = UrlHistory.first(new Revision(1, "h1", 1L, "e1")).plus(new Revision(2, "h2", -5L, "e2"));

    // when
    UrlHistory read = roundTrip(DedupSerdes.urlHistory(), history);

    // then
    assertThat(read).isEqualTo(history);
    assertThat(read.latest().revision()).isEqualTo(2);
    assertThat(read.withContent("h1").eventId()).isEqualTo("e1");
  }

  @Test
  void shouldKeepOnlyTheNewestRevisionsInHistory() {
    // given
    UrlHistory history = UrlHistory.first(new Revision(1, "h1", 1L, "e1"));

    // when
    for (int r = 2; r <= DedupState.URL_HISTORY_LIMIT + 5; r++) {
      history = history.plus(new Revision(r, "h" + r, r, "e" + r));
    }

    // then
    assertThat(history.revisions()).hasSize(DedupState.URL_HISTORY_LIMIT);
    assertThat(history.withContent("h1")).isNull();
    assertThat(history.latest().revision()).isEqualTo(DedupState.URL_HISTORY_LIMIT + 5);
  }

  @Test
  void shouldRoundTripNearCheckWithAndWithoutArticle() {
    // given
    EnrichedArticle article = article();
    NearCheck withArticle = new NearCheck(4, 1L, article.getArticleId(), article.getEventId(), 255L, DedupState.UNKNOWN_TIME, ContainmentSketch.EMPTY, article, null, null, -1, false);
    NearCheck verdict = new NearCheck(4, 4L, "a", "e", 7L, DedupState.UNKNOWN_TIME, ContainmentSketch.EMPTY, null, "b", "f", 2, false);
    NearCheck withSketch =
        new NearCheck(14, 1L << 9, "a", "e", 7L, DedupState.UNKNOWN_TIME, ContainmentSketch.of("Sales rose 12 pct to 4.5 mln dlrs in 1986, the company said on Monday in New York."), null, null, null, -1, false);
    NearEntry entry = new NearEntry("a", "e", 7L, DedupState.UNKNOWN_TIME, withSketch.sketch());

    // when / then
    assertThat(withSketch.sketch().bottom()).isNotEmpty();
    assertThat(withSketch.sketch().numbers()).hasSize(3);
    assertThat(roundTrip(DedupSerdes.nearCheck(), withSketch)).isEqualTo(withSketch);
    assertThat(roundTrip(DedupSerdes.nearEntry(), entry)).isEqualTo(entry);
    assertThat(roundTrip(DedupSerdes.nearCheck(), withArticle)).isEqualTo(withArticle);
    assertThat(roundTrip(DedupSerdes.nearCheck(), verdict)).isEqualTo(verdict);
  }

  @Test
  void shouldMergeVerdictsKeepingTheArticleAndTheClosestMatch() {
    // given
    EnrichedArticle article = article();
    NearCheck block0 = new NearCheck(4, 1L, "a", "e", 7L, DedupState.UNKNOWN_TIME, ContainmentSketch.EMPTY, article, "far", "ef", 3, false);
    NearCheck block1 = new NearCheck(4, 2L, "a", "e", 7L, DedupState.UNKNOWN_TIME, ContainmentSketch.EMPTY, null, "near", "en", 1, false);
    NearCheck block2 = new NearCheck(4, 4L, "a", "e", 7L, DedupState.UNKNOWN_TIME, ContainmentSketch.EMPTY, null, null, null, -1, false);
    NearCheck block3 = new NearCheck(4, 8L, "a", "e", 7L, DedupState.UNKNOWN_TIME, ContainmentSketch.EMPTY, null, "other", "eo", 1, false);

    // when
    NearCheck merged = block2.merge(block1).merge(block3).merge(block0);

    // then
    assertThat(merged.complete()).isTrue();
    assertThat(merged.article()).isEqualTo(article);
    assertThat(merged.matchArticleId()).isEqualTo("near");
    assertThat(merged.matchDistance()).isEqualTo(1);
    assertThat(block2.merge(block1).complete()).isFalse();
    NearCheck sameContent = new NearCheck(4, 1L, "a", "e", 7L, DedupState.UNKNOWN_TIME, ContainmentSketch.EMPTY, null, "first", "e0", 5, true);
    assertThat(block1.merge(sameContent).matchArticleId()).isEqualTo("first");
    assertThat(sameContent.merge(block1).exact()).isTrue();
  }

  @Test
  void shouldRejectUnknownFormatVersion() {
    // given
    byte[] bytes = DedupSerdes.nearEntry().serializer().serialize("t", new NearEntry("a", "e", 1L, DedupState.UNKNOWN_TIME, ContainmentSketch.EMPTY));
    bytes[0] = 9;

    // when / then
    assertThatThrownBy(() -> DedupSerdes.nearEntry().deserializer().deserialize("t", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("version 9");
  }
}
