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
  void shouldRoundTripARevisionsWordProfileAndReadAHistoryWrittenBeforeProfiles() {
    // given: revision 2 with a profile, revision 1 without (stored before profiles were)
    WordProfile words = WordProfile.of("The council agreed the plan on the 3rd.");
    UrlHistory history = UrlHistory.first(new Revision(1, "h1", 1L, "e1")).plus(new Revision(2, "h2", 2L, "e2", words));
    // format 2 of the same history without the profile: version, count, then each revision
    byte[] format2 = {
      2, 0, 1, 0, 0, 0, 1, 0, 2, 'h', '1', 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 'e', '1'
    };

    // when
    UrlHistory read = roundTrip(DedupSerdes.urlHistory(), history);
    UrlHistory old = DedupSerdes.urlHistory().deserializer().deserialize("t", format2);

    // then
    assertThat(read).isEqualTo(history);
    assertThat(read.latest().words()).isEqualTo(words);
    assertThat(read.withContent("h1").words()).isNull();
    assertThat(old).isEqualTo(UrlHistory.first(new Revision(1, "h1", 1L, "e1")));
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
  void shouldRoundTripTheTextStepValues() {
    // given
    NearCheck waiting = NearCheck.waiting("a", "e", 0b101L);
    NearCheck verdict =
        new NearCheck(0L, 4L, "a", "e", "b", "f", 2, 1_000L, false, false, false);
    NearCheck sameEvent = new NearCheck(0L, 4L, "a", "e", "b", "e", -1, 1_000L, true, true, false);
    ContainmentSketch sketch = ContainmentSketch.of("Sales rose 12 pct to 4.5 mln dlrs in 1986, the company said on Monday in New York.");
    TextProbe probe = new TextProbe("a", "e", 7L, 86_400_000L, "hash", 4, sketch, true, true, 3);
    TextProbe correction = new TextProbe("a", "e", 7L, 86_400_000L, "hash", 4, sketch, true, false, 0);
    TextProbe blocksOnly = new TextProbe("a", "e", 7L, 86_400_000L, "hash", 4, sketch.figuresOnly(), false, false, 31);
    NearEntry entry = new NearEntry("a", "e", 7L, DedupState.UNKNOWN_TIME, sketch);

    // when / then
    assertThat(sketch.bottom()).isNotEmpty();
    assertThat(sketch.numbers()).hasSize(3);
    assertThat(roundTrip(DedupSerdes.textProbe(), probe)).isEqualTo(probe);
    assertThat(roundTrip(DedupSerdes.textProbe(), correction)).isEqualTo(correction);
    assertThat(roundTrip(DedupSerdes.textProbe(), blocksOnly)).isEqualTo(blocksOnly);
    TextKeyProcessor.Held held = new TextKeyProcessor.Held(1_700_000_000_000L, 5, 86_400_000L, probe);
    assertThat(roundTrip(DedupSerdes.heldProbe(), held)).isEqualTo(held);
    assertThat(roundTrip(DedupSerdes.nearEntry(), entry)).isEqualTo(entry);
    assertThat(roundTrip(DedupSerdes.nearCheck(), waiting)).isEqualTo(waiting);
    EnrichedArticle parked = article();
    assertThat(roundTrip(DedupSerdes.article(), parked)).isEqualTo(parked);
    assertThat(roundTrip(DedupSerdes.nearCheck(), verdict)).isEqualTo(verdict);
    assertThat(roundTrip(DedupSerdes.nearCheck(), sameEvent)).isEqualTo(sameEvent);
    NearCheck undecided = new NearCheck(0L, 4L, "a", "e", "b", "f", 0, 1_000L, true, false, true);
    assertThat(roundTrip(DedupSerdes.nearCheck(), undecided)).isEqualTo(undecided);
  }

  private static NearCheck verdict(long partitionBit, String match, int distance, long time, boolean exact) {
    return new NearCheck(0L, partitionBit, "a", "e", match, match == null ? null : "e-" + match, distance, time, exact, false, false);
  }

  @Test
  void shouldMergeTheWaitingEntryAndTheVerdictsKeepingTheBestMatch() {
    // given: the article waits for partitions 0, 1 and 3
    NearCheck waiting = NearCheck.waiting("a", "e", 0b1011L);
    NearCheck p0 = verdict(1L, "later", 1, 2_000L, false);
    NearCheck p1 = verdict(2L, "earlier", 3, 1_000L, false);
    NearCheck p3 = verdict(8L, null, -1, -1L, false);

    // when
    NearCheck merged = p1.merge(p3).merge(waiting).merge(p0);

    // then
    assertThat(merged.complete()).isTrue();
    assertThat(merged.matchArticleId()).isEqualTo("earlier");
    assertThat(merged.matchDistance()).isEqualTo(3);
    assertThat(p1.merge(p3).merge(p0).complete()).isFalse();
    assertThat(waiting.merge(p1).merge(p3).complete()).isFalse();
    NearCheck sameContent = verdict(4L, "first", 5, 3_000L, true);
    assertThat(p1.merge(sameContent).matchArticleId()).isEqualTo("first");
    assertThat(sameContent.merge(p1).exact()).isTrue();
    NearCheck sameEvent = new NearCheck(0L, 16L, "a", "e", "retried", "e", -1, 9_000L, true, true, false);
    assertThat(sameContent.merge(sameEvent).matchArticleId()).isEqualTo("retried");
    assertThat(sameEvent.merge(sameContent).sameEvent()).isTrue();
  }

  @Test
  void shouldPreferAnEarlierNearMatchOnlyToASameContentMatchNotDecidedYet() {
    // given: the same content as an article still being decided, and a near match earlier than it
    NearCheck nearEarlier = verdict(1L, "original", 3, 1_000L, false);
    NearCheck undecidedTwin = new NearCheck(0L, 2L, "a", "e", "twin", "e-twin", 0, 2_000L, true, false, true);
    NearCheck decidedTwin = verdict(2L, "twin", 0, 2_000L, true);
    NearCheck nearLater = verdict(1L, "later", 3, 3_000L, false);

    // then
    assertThat(undecidedTwin.merge(nearEarlier).matchArticleId()).isEqualTo("original");
    assertThat(nearEarlier.merge(undecidedTwin).matchArticleId()).isEqualTo("original");
    assertThat(nearEarlier.merge(undecidedTwin).exact()).isFalse();
    assertThat(nearEarlier.merge(decidedTwin).matchArticleId()).isEqualTo("twin");
    assertThat(undecidedTwin.merge(nearLater).matchArticleId()).isEqualTo("twin");
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
