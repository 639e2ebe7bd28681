package io.newsstream.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.processor.config.ProcessorConfig.ErrorMode;
import io.newsstream.processor.config.ProcessorConfig.NearDuplicateMode;
import io.newsstream.processor.dedup.DedupState.NearEntry;
import io.newsstream.processor.stage.FailureHandler;
import io.newsstream.processor.stage.PipelineMetrics;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilteredWindowStoreTest {

  private static final long DAY = Duration.ofDays(1).toMillis();

  @ParameterizedTest
  @CsvSource({"true, false", "false, true"})
  void shouldSkipTheStoreForKeysItWasNeverGivenOnlyWithTheFilter(boolean keyFilter, boolean bypassedKeyFound) {
    // given a store with one entry before the processor opened it, and one put through the wrapper
    MockProcessorContext<String, String> context = new MockProcessorContext<>();
    WindowStore<String, String> raw = windowStore(context, "dedup-test-store", Serdes.String());
    raw.put("restored", "r", DAY);
    FilteredWindowStore<String> store = FilteredWindowStore.open(context, "dedup-test-store", settings(keyFilter));
    store.put("new", "n", 2 * DAY);

    // when a key is written past the wrapper, as no processor may
    raw.put("bypassed", "b", 2 * DAY);

    // then: what the store held when opened and what went through the wrapper is always found;
    // the bypassed key only when there is no filter to say the store cannot hold it
    assertThat(count(store.fetch("restored", 0, 7 * DAY))).isEqualTo(1);
    assertThat(count(store.backwardFetch("new", 0, 7 * DAY))).isEqualTo(1);
    assertThat(count(store.fetch("bypassed", 0, 7 * DAY)) == 1).isEqualTo(bypassedKeyFound);
    assertThat(count(store.backwardFetch("never", 0, 7 * DAY))).isZero();
    store.close();
    raw.close();
  }

  @ParameterizedTest
  @CsvSource({"true", "false"})
  void shouldLookUpABlockKeyOnlyWhenAHashWithinTheDistanceMayBeThereWithTheFilter(boolean keyFilter) {
    // given: under one block key, a hash restored with the store, one written and recorded (as the
    // text-key step writes its index), and one written unrecorded, as no processor may
    MockProcessorContext<String, String> context = new MockProcessorContext<>();
    WindowStore<String, NearEntry> raw = windowStore(context, "dedup-test-near-store", DedupSerdes.nearEntry());
    long restored = 0x0000_0000_0000_ab0fL;
    long put = 0x00ff_0f00_f000_ab0fL;
    long bypassed = 0xf00f_00f0_0f0f_ab0fL;
    String key = SimHashBlocks.blockKey(restored, 0, 4);
    raw.put(key, entry("restored", restored), DAY);
    FilteredWindowStore<NearEntry> store =
        FilteredWindowStore.open(context, raw, settings(keyFilter), (k, e) -> SimHashBlocks.neighbourhood(k, e.simhash(), 3));
    raw.put(key, entry("put", put), 2 * DAY);
    store.written(key, SimHashBlocks.neighbourhood(key, put, 3), 2 * DAY);
    raw.put(key, entry("bypassed", bypassed), 2 * DAY);

    // when / then: a probe within the distance of the restored or the put hash (three bits apart,
    // in three of the four parts outside the block) reads every entry under the key
    assertThat(countNear(store, key, restored ^ 0x0001_0010_0100_0000L)).isEqualTo(3);
    assertThat(countNear(store, key, put ^ 0x8000_0800_0080_0000L)).isEqualTo(3);
    // a probe near only the entry written past the filter finds the key empty, with the filter
    assertThat(countNear(store, key, bypassed ^ 0x0000_0001_0000_0000L)).isEqualTo(keyFilter ? 0 : 3);
    // and so does one far from all of them
    assertThat(countNear(store, key, 0x5555_5555_5555_ab0fL)).isEqualTo(keyFilter ? 0 : 3);
    store.close();
    raw.close();
  }

  private static int countNear(FilteredWindowStore<NearEntry> store, String key, long simhash) {
    int n = 0;
    try (WindowStoreIterator<NearEntry> it = store.backwardFetch(key, SimHashBlocks.neighbourhood(key, simhash, 3), 0, 7 * DAY)) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  private static NearEntry entry(String articleId, long simhash) {
    return new NearEntry(articleId, "event-" + articleId, simhash, DedupState.UNKNOWN_TIME, ContainmentSketch.EMPTY);
  }

  /** An in-memory window store without changelog, registered with the context as a task's store. */
  private static <V> WindowStore<String, V> windowStore(
      MockProcessorContext<String, String> context, String name, org.apache.kafka.common.serialization.Serde<V> values) {
    WindowStore<String, V> store =
        Stores.windowStoreBuilder(Stores.inMemoryWindowStore(name, Duration.ofDays(7), Duration.ofDays(7), true), Serdes.String(), values)
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    return store;
  }

  private static int count(WindowStoreIterator<String> it) {
    int n = 0;
    try (it) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  private static DedupSettings settings(boolean keyFilter) {
    return new DedupSettings(
        Duration.ofDays(7),
        3,
        5,
        0.9,
        Duration.ofHours(12),
        Duration.ZERO,
        NearDuplicateMode.DROP,
        100,
        1,
        keyFilter,
        new FailureHandler(ErrorMode.DEAD_LETTER, PipelineMetrics.NOOP, Clock.systemUTC()),
        PipelineMetrics.NOOP,
        Clock.systemUTC());
  }
}
