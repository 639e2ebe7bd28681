package io.newsstream.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.processor.dedup.DedupState.Revision;
import io.newsstream.processor.dedup.DedupState.UrlHistory;
import org.junit.jupiter.api.Test;

class UrlHistoryTest {

  private static final Revision FIRST = new Revision(1, "hash-1", 1L, "event-1");
  private static final Revision SECOND = new Revision(2, "hash-2", 2L, "event-2");

  @Test
  void shouldTakeOutOnlyTheRevisionOfTheEvent() {
    // given
    UrlHistory history = UrlHistory.first(FIRST).plus(SECOND);

    // when
    UrlHistory without = history.without("event-2");

    // then
    assertThat(without.revisions()).containsExactly(FIRST);
    assertThat(without.latest()).isEqualTo(FIRST);
  }

  @Test
  void shouldLeaveNothingWhenTheOnlyRevisionIsTakenOut() {
    assertThat(UrlHistory.first(FIRST).without("event-1")).isNull();
  }

  @Test
  void shouldReturnTheSameHistoryWhenTheEventIsNotInIt() {
    // given
    UrlHistory history = UrlHistory.first(FIRST).plus(SECOND);

    // then: the caller can tell there is nothing to write back
    assertThat(history.without("event-3")).isSameAs(history);
  }
}
