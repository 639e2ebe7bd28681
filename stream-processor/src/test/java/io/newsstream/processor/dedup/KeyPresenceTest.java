package io.newsstream.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

class KeyPresenceTest {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long WEEK = 7 * DAY;

  @Property
  void shouldAnswerMaybeForEveryKeyAddedWithinTheRange(
      @ForAll @Size(min = 1, max = 300) List<String> keys, @ForAll @LongRange(min = 0, max = 4 * 7 * 86_400_000L) long start) {
    // given keys added over six days
    KeyPresence presence = new KeyPresence(WEEK);
    for (int i = 0; i < keys.size(); i++) {
      presence.add(keys.get(i), start + i * (6 * DAY / keys.size()));
    }

    // when / then: no key added is ever reported absent around its timestamp
    for (int i = 0; i < keys.size(); i++) {
      long ts = start + i * (6 * DAY / keys.size());
      assertThat(presence.mightContain(keys.get(i), Math.max(0, ts - WEEK), ts + WEEK)).as(keys.get(i)).isTrue();
      assertThat(presence.mightContain(keys.get(i), ts, ts)).as(keys.get(i)).isTrue();
    }
  }

  @Test
  void shouldReportMostKeysNeverAddedAsAbsent() {
    // given 100,000 keys, more than a dozen times what the first filter of a bucket is sized for
    KeyPresence presence = new KeyPresence(WEEK);
    for (int i = 0; i < 100_000; i++) {
      presence.add("c:" + UUID.randomUUID(), DAY + i);
    }

    // when 100,000 other keys are looked up
    int maybe = 0;
    for (int i = 0; i < 100_000; i++) {
      if (presence.mightContain("c:" + UUID.randomUUID(), 0, 2 * WEEK)) {
        maybe++;
      }
    }

    // then: about 1 % false positives per filter of the chain; well under 5 % in all
    assertThat(presence.size()).isEqualTo(100_000);
    assertThat(maybe).isLessThan(5_000);
  }

  @Test
  void shouldNotReportAKeyOutsideTheLookedUpRange() {
    // given a key stored three weeks ago and one stored now
    KeyPresence presence = new KeyPresence(WEEK);
    long now = 10 * WEEK;
    presence.add("old", now - 3 * WEEK);
    presence.add("new", now);

    // when / then: a lookup around now does not reach the old bucket
    assertThat(presence.mightContain("new", now - WEEK, now + WEEK)).isTrue();
    assertThat(presence.mightContain("old", now - WEEK, now + WEEK)).isFalse();
  }

  @Test
  void shouldAnswerMaybeForARangeReachingIntoAnExpiredBucket() {
    // given a key stored, then a timestamp three retentions later, which drops the first bucket
    KeyPresence presence = new KeyPresence(WEEK);
    presence.add("a", WEEK);
    presence.add("b", 4 * WEEK);

    // when / then: what the dropped bucket held is unknown, so a lookup reaching it says maybe,
    // even for a key never added
    assertThat(presence.mightContain("never-added", 0, 2 * WEEK)).isTrue();
    assertThat(presence.mightContain("never-added", 3 * WEEK, 5 * WEEK)).isFalse();
    assertThat(presence.size()).isEqualTo(1);
  }

  @Test
  void shouldIgnoreKeysOlderThanWhatIsKept() {
    // given the first bucket dropped by later timestamps
    KeyPresence presence = new KeyPresence(WEEK);
    presence.add("a", WEEK);
    presence.add("b", 4 * WEEK);
    presence.add("c", 5 * WEEK);

    // when a key older than the kept buckets arrives
    presence.add("late", WEEK);

    // then it is not kept, and a lookup that could find it in the store still says maybe
    assertThat(presence.size()).isEqualTo(2);
    assertThat(presence.mightContain("late", 0, 2 * WEEK)).isTrue();
  }

  @Test
  void shouldRejectANonPositiveRetention() {
    assertThatThrownBy(() -> new KeyPresence(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldAnswerFromTheStoreOnceItHasBeenRead() {
    // given a window store holding three entries
    WindowStore<String, String> store = windowStore();
    store.put("h:1", "a", DAY);
    store.put("e:2", "b", 2 * DAY);
    store.put("h:1", "c", 3 * DAY);

    // when
    KeyPresence presence = KeyPresence.reading(store, WEEK, "presence-test");

    // then: "maybe" for everything until the store is read, then from the store's keys
    assertThat(presence.complete()).isFalse();
    assertThat(presence.mightContain("h:3", 0, WEEK)).isTrue();
    assertThat(presence.fill(Duration.ofSeconds(10))).isTrue();
    assertThat(presence.size()).isEqualTo(3);
    assertThat(presence.mightContain("h:1", 0, WEEK)).isTrue();
    assertThat(presence.mightContain("e:2", 0, WEEK)).isTrue();
    assertThat(presence.mightContain("h:3", 0, WEEK)).isFalse();
    store.close();
  }

  @Test
  void shouldReadALargeStoreOnInPunctuationsUntilItIsRead() {
    // given a store of 5,000 entries and no time to read it in init
    WindowStore<String, String> store = windowStore();
    for (int i = 0; i < 5_000; i++) {
      store.put("c:" + i, "v", DAY + i);
    }
    MockProcessorContext<String, String> context = new MockProcessorContext<>();

    // when
    KeyPresence presence = KeyPresence.open(context, store, WEEK, "presence-test", Duration.ZERO, null);
    presence.add("c:new", 2 * DAY);

    // then: a punctuation reads on, 256 entries at a time, and cancels itself when done
    assertThat(presence.complete()).isFalse();
    assertThat(presence.mightContain("c:absent", 0, WEEK)).isTrue();
    MockProcessorContext.CapturedPunctuator reads = context.scheduledPunctuators().get(0);
    int punctuations = 0;
    while (!reads.cancelled()) {
      reads.getPunctuator().punctuate(0L);
      punctuations++;
    }
    // 256 read in init, then 19 reads of up to 256
    assertThat(punctuations).isEqualTo(19);
    assertThat(presence.complete()).isTrue();
    assertThat(presence.size()).isEqualTo(5_001);
    assertThat(presence.mightContain("c:4999", 0, WEEK)).isTrue();
    assertThat(presence.mightContain("c:new", 0, WEEK)).isTrue();
    store.close();
  }

  @Test
  void shouldNeedNoPunctuationForAStoreReadWithinTheBudget() {
    // given an empty store
    WindowStore<String, String> store = windowStore();
    MockProcessorContext<String, String> context = new MockProcessorContext<>();

    // when
    KeyPresence presence = KeyPresence.open(context, store, WEEK, "presence-test");

    // then
    assertThat(presence.complete()).isTrue();
    assertThat(context.scheduledPunctuators()).isEmpty();
    assertThat(presence.mightContain("h:1", 0, WEEK)).isFalse();
    store.close();
  }

  private static WindowStore<String, String> windowStore() {
    WindowStore<String, String> store =
        Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore("presence-test", Duration.ofMillis(WEEK), Duration.ofMillis(WEEK), true),
                Serdes.String(),
                Serdes.String())
            .withLoggingDisabled()
            .build();
    MockProcessorContext<String, String> context = new MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
    return store;
  }
}
