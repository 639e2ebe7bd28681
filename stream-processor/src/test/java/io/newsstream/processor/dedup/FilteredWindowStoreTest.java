package io.newsstream.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.processor.config.ProcessorConfig.ErrorMode;
import io.newsstream.processor.config.ProcessorConfig.NearDuplicateMode;
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
    WindowStore<String, String> raw =
        Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore("dedup-test-store", Duration.ofDays(7), Duration.ofDays(7), true),
                Serdes.String(),
                Serdes.String())
            .withLoggingDisabled()
            .build();
    raw.init(context.getStateStoreContext(), raw);
    context.addStateStore(raw);
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
