package io.newsstream.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.processor.config.ProcessorConfig.ErrorMode;
import io.newsstream.processor.config.ProcessorConfig.NearDuplicateMode;
import io.newsstream.processor.dedup.DedupState.NearCheck;
import io.newsstream.processor.dedup.DedupState.NearEntry;
import io.newsstream.processor.stage.FailureHandler;
import io.newsstream.processor.stage.PipelineMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The block step alone, with a mock context and an in-memory window store. */
class NearBlockProcessorTest {

  private MockProcessorContext<String, NearCheck> context;
  private NearBlockProcessor processor;

  @BeforeEach
  void setUp() {
    DedupSettings settings =
        new DedupSettings(
            Duration.ofDays(1),
            3,
            NearDuplicateMode.DROP,
            100,
            new FailureHandler(ErrorMode.DEAD_LETTER, PipelineMetrics.NOOP, Clock.systemUTC()),
            PipelineMetrics.NOOP,
            Clock.systemUTC());
    context = new MockProcessorContext<>();
    WindowStore<String, NearEntry> store =
        Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore(NearBlockProcessor.STORE, Duration.ofDays(1), Duration.ofDays(1), true),
                Serdes.String(),
                DedupSerdes.nearEntry())
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    processor = new NearBlockProcessor(settings);
    processor.init(context);
  }

  private static NearCheck probe(String articleId, String eventId, long simhash) {
    return new NearCheck(4, 1L, articleId, eventId, simhash, null, null, null, -1);
  }

  private List<NearCheck> forwarded() {
    return context.forwarded().stream().map(f -> (NearCheck) f.record().value()).toList();
  }

  @Test
  void shouldMatchAnEarlierArticleWithinTheDistanceAndKeyTheVerdictByEvent() {
    // given
    processor.process(new Record<>("0:f0", probe("a1", "e1", 0xf0L), 1_000L));

    // when
    processor.process(new Record<>("0:f0", probe("a2", "e2", 0xf3L), 2_000L));

    // then
    List<String> keys = context.forwarded().stream().map(f -> (String) f.record().key()).toList();
    assertThat(keys).containsExactly("e1", "e2");
    NearCheck verdict = forwarded().get(1);
    assertThat(verdict.matchArticleId()).isEqualTo("a1");
    assertThat(verdict.matchEventId()).isEqualTo("e1");
    assertThat(verdict.matchDistance()).isEqualTo(2);
    assertThat(forwarded().get(0).hasMatch()).isFalse();
  }

  @Test
  void shouldNotMatchALaterTimestampedArticleProcessedFirst() {
    // given: the store holds an article with a later timestamp
    processor.process(new Record<>("0:f0", probe("a1", "e1", 0xf0L), 5_000L));

    // when: an earlier-timestamped one arrives
    processor.process(new Record<>("0:f0", probe("a2", "e2", 0xf0L), 1_000L));

    // then: it is the original, not a duplicate
    assertThat(forwarded().get(1).hasMatch()).isFalse();
  }

  @Test
  void shouldIgnoreTheSameArticleAndArticlesBeyondTheDistance() {
    // given
    processor.process(new Record<>("0:f0", probe("a1", "e1", 0xf0L), 1_000L));
    processor.process(new Record<>("0:f0", probe("a2", "e2", 0xf0L | 0xf00L), 2_000L));

    // when
    processor.process(new Record<>("0:f0", probe("a1", "e3", 0xf1L), 3_000L));

    // then: e3 is another version of a1 (same article) and a2 is 4 bits away
    assertThat(forwarded().get(1).hasMatch()).isFalse();
    assertThat(forwarded().get(2).hasMatch()).isFalse();
  }
}
