package io.newsstream.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.processor.config.ProcessorConfig.ErrorMode;
import io.newsstream.processor.config.ProcessorConfig.NearDuplicateMode;
import io.newsstream.processor.dedup.DedupState.NearCheck;
import io.newsstream.processor.dedup.DedupState.NearEntry;
import io.newsstream.processor.stage.FailureHandler;
import io.newsstream.processor.stage.PipelineMetrics;
import io.newsstream.processor.testing.RecordingMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The text-key step alone (one partition owning every key), with a mock context and an in-memory window store. */
class TextKeyProcessorTest {

  private MockProcessorContext<String, NearCheck> context;
  /** Sees the held-probes gauge. */
  private final RecordingMetrics heldMetrics = new RecordingMetrics();
  private TextKeyProcessor processor;

  @BeforeEach
  void setUp() {
    start(Duration.ZERO);
  }

  /** A fresh processor with this reorder window. */
  private void start(Duration reorderWindow) {
    DedupSettings settings =
        new DedupSettings(
            Duration.ofDays(1),
            3,
            5,
            0.9,
            Duration.ofHours(12),
            reorderWindow,
            NearDuplicateMode.DROP,
            100,
            1,
            true,
            new FailureHandler(ErrorMode.DEAD_LETTER, PipelineMetrics.NOOP, Clock.systemUTC()),
            heldMetrics,
            Clock.systemUTC());
    context = new MockProcessorContext<>();
    KeyIndexStore index =
        new KeyIndexStoreBuilder(
                Stores.inMemoryWindowStore(TextKeyProcessor.STORE, Duration.ofDays(1), Duration.ofDays(1), true), DedupSerdes.nearEntry())
            .withLoggingDisabled()
            .build();
    index.init(context.getStateStoreContext(), index);
    context.addStateStore(index);
    addWindowStore(DecisionIndexProcessor.STORE, Serdes.String(), false);
    addWindowStore(TextKeyProcessor.SKETCH_STORE, DedupSerdes.sketch(), false);
    KeyValueStore<String, TextKeyProcessor.Held> held =
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TextKeyProcessor.HOLD_STORE), Serdes.String(), DedupSerdes.heldProbe())
            .withLoggingDisabled()
            .build();
    held.init(context.getStateStoreContext(), held);
    context.addStateStore(held);
    processor = new TextKeyProcessor(settings);
    processor.init(context);
  }

  /** An in-memory window store as the topology's, one day of retention, in the context. */
  private <V> void addWindowStore(String name, Serde<V> values, boolean retainDuplicates) {
    WindowStore<String, V> store =
        Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore(name, Duration.ofDays(1), Duration.ofDays(1), retainDuplicates), Serdes.String(), values)
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
  }

  /** A probe of the SimHash rule only (4 blocks), for a text without figures. */
  private static TextProbe probe(String articleId, String eventId, long simhash) {
    return new TextProbe(articleId, eventId, simhash, DedupState.UNKNOWN_TIME, "hash-" + articleId, 4, ContainmentSketch.EMPTY, false, true, 0);
  }

  private static TextProbe containmentProbe(String articleId, String eventId, long simhash, String text, long publishedAt) {
    return new TextProbe(articleId, eventId, simhash, publishedAt, "hash-" + articleId, 4, ContainmentSketch.of(text), true, true, 0);
  }

  private static TextProbe contentProbe(String articleId, String eventId, String contentHash) {
    return new TextProbe(articleId, eventId, 0xf0L, DedupState.UNKNOWN_TIME, contentHash, 0, ContainmentSketch.EMPTY, false, true, 0);
  }

  private static TextProbe homed(TextProbe p, int home) {
    return new TextProbe(
        p.articleId(), p.eventId(), p.simhash(), p.publishedAt(), p.contentHash(), p.blockCount(), p.sketch(), p.containment(),
        p.nearCheck(), home);
  }

  private void process(TextProbe probe, long timestamp) {
    processor.process(new Record<>("0", probe, timestamp));
  }

  @Test
  void shouldCheckHeldProbesInTimestampOrderOnceTheyAndEveryEarlierOneWereHeldForTheWindow() {
    // given: a 5 s window; a copy (timestamp 3 s) arrives first
    start(Duration.ofSeconds(5));
    var punctuator = context.scheduledPunctuators().get(0).getPunctuator();
    context.setCurrentSystemTimeMs(0L);
    processor.process(new Record<>("0", probe("copy", "e3", 0xf0L), 3_000L));

    // when: its original (1 s) arrives 4 s later, before the copy's window has passed
    context.setCurrentSystemTimeMs(4_000L);
    processor.process(new Record<>("0", probe("original", "e1", 0xf0L), 1_000L));
    context.setCurrentSystemTimeMs(6_000L);
    punctuator.punctuate(6_000L);

    // then: the original holds the copy back until its own window has passed
    assertThat(context.forwarded()).isEmpty();

    // when
    context.setCurrentSystemTimeMs(9_000L);
    punctuator.punctuate(9_000L);

    // then: the original first, and the copy names it
    assertThat(forwarded()).extracting(NearCheck::eventId).containsExactly("e1", "e3");
    assertThat(forwarded().get(1).matchArticleId()).isEqualTo("original");
  }

  @Test
  void shouldReleaseMoreProbesThanOneChunkInTimestampOrderEachOnce() {
    // given: three chunks' worth of held probes, arrived in reverse timestamp order
    start(Duration.ofSeconds(5));
    var punctuator = context.scheduledPunctuators().get(0).getPunctuator();
    int count = TextKeyProcessor.RELEASE_CHUNK * 3 + 7;
    context.setCurrentSystemTimeMs(0L);
    for (int i = count - 1; i >= 0; i--) {
      processor.process(new Record<>("0", probe("a" + i, String.format("e%05d", i), 0x0fL << (i % 60)), 1_000L + i));
    }

    // when: the window has passed for all of them (a punctuation releases at least one chunk)
    context.setCurrentSystemTimeMs(6_000L);
    for (int i = 0; i < 4; i++) {
      punctuator.punctuate(6_000L + i * 100L);
    }

    // then: every probe's verdict, once, earliest first
    List<String> expected = java.util.stream.IntStream.range(0, count).mapToObj(i -> String.format("e%05d", i)).toList();
    assertThat(forwarded()).extracting(NearCheck::eventId).containsExactlyElementsOf(expected);
  }

  @Test
  void shouldReleaseWhatIsHeldWhenInitialisedAgainOverTheSameStore() {
    // given: a probe released; then the store restored with an earlier probe in it, as after an
    // aborted transaction, and the processor initialised again (a revived task)
    start(Duration.ofSeconds(5));
    var punctuator = context.scheduledPunctuators().get(0).getPunctuator();
    context.setCurrentSystemTimeMs(0L);
    processor.process(new Record<>("0", probe("late", "e9", 0xf0L), 9_000L));
    context.setCurrentSystemTimeMs(6_000L);
    punctuator.punctuate(6_000L);
    KeyValueStore<String, TextKeyProcessor.Held> held = context.getStateStore(TextKeyProcessor.HOLD_STORE);
    TextProbe early = probe("early", "e1", 0x0fL);
    held.put(TextKeyProcessor.holdKey(1_000L, early, 0), new TextKeyProcessor.Held(0L, 0, 1_000L, early));
    context.resetForwards();
    processor.init(context);
    var revived = context.scheduledPunctuators().get(context.scheduledPunctuators().size() - 1).getPunctuator();

    // when
    context.setCurrentSystemTimeMs(12_000L);
    revived.punctuate(12_000L);

    // then
    assertThat(forwarded()).extracting(NearCheck::eventId).containsExactly("e1");
  }

  @Test
  void shouldReportHowManyProbesItHoldsThroughArrivalReleaseRestoreAndClose() {
    // given
    start(Duration.ofSeconds(5));
    var punctuator = context.scheduledPunctuators().get(0).getPunctuator();
    context.setCurrentSystemTimeMs(0L);
    processor.process(new Record<>("0", probe("a", "e1", 0x0fL), 1_000L));
    processor.process(new Record<>("0", probe("b", "e2", 0xf0L), 2_000L));
    context.setCurrentSystemTimeMs(3_000L);
    processor.process(new Record<>("0", probe("c", "e3", 0xff00L), 3_000L));

    // then
    assertThat(heldMetrics.heldProbes()).isEqualTo(3);

    // when: the first two have been held for the window
    context.setCurrentSystemTimeMs(6_000L);
    punctuator.punctuate(6_000L);

    // then
    assertThat(heldMetrics.heldProbes()).isEqualTo(1);

    // when: the task is closed, then initialised again over its store
    processor.close();
    assertThat(heldMetrics.heldProbes()).isEqualTo(0);
    processor.init(context);

    // then: what the restored store holds counts again, once
    assertThat(heldMetrics.heldProbes()).isEqualTo(1);
  }

  @Test
  void shouldKeyHeldProbesSoThatTheStoreOrderIsTheTimestampOrder() {
    // given
    TextProbe p = probe("a", "e1", 0x0fL);

    // when
    List<String> keys = java.util.stream.Stream.of(Long.MIN_VALUE, -1L, 0L, 1L, 1_700_000_000_000L, Long.MAX_VALUE)
        .map(ts -> TextKeyProcessor.holdKey(ts, p, 3))
        .toList();

    // then: 16 hex digits of the timestamp with its sign bit flipped, so that text order is time order
    assertThat(keys.get(0)).isEqualTo("0000000000000000e1\na\n3");
    assertThat(keys.get(3)).isEqualTo("8000000000000001e1\na\n3");
    assertThat(keys).isSorted();
  }

  @Test
  void shouldCompareHoldKeysInTheStoresByteOrder() {
    // given: keys of a few timestamps (some equal) and eventIds beyond ASCII, where UTF-16 and
    // UTF-8 order differ (U+FF21 sorts after U+1F600 in UTF-8, before it in UTF-16)
    long[] times = {Long.MIN_VALUE, -1L, 0L, 1_000L, 1_001L, Long.MAX_VALUE};
    String[] eventIds = {"e1", "e10", "E1", "\uFF21", "\uD83D\uDE00", "é", ""};
    java.util.Random random = new java.util.Random(5);
    for (int t = 0; t < 2_000; t++) {
      String a = TextKeyProcessor.holdKey(times[random.nextInt(times.length)], probe("a", eventIds[random.nextInt(eventIds.length)], 0L), random.nextInt(3));
      String b = TextKeyProcessor.holdKey(times[random.nextInt(times.length)], probe("a", eventIds[random.nextInt(eventIds.length)], 0L), random.nextInt(3));

      // when
      int compared = TextKeyProcessor.compare(a, b);

      // then
      int expected =
          java.util.Arrays.compareUnsigned(
              a.getBytes(java.nio.charset.StandardCharsets.UTF_8), b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(Integer.signum(compared)).as("%s vs %s", a, b).isEqualTo(Integer.signum(expected));
    }
  }

  private List<NearCheck> forwarded() {
    return context.forwarded().stream().map(f -> (NearCheck) f.record().value()).toList();
  }

  @Test
  void shouldMatchAnEarlierArticleWithinTheDistanceAndSendTheVerdictToTheArticlesHome() {
    // given
    process(homed(probe("a1", "e1", 0xf0L), 5), 1_000L);

    // when
    process(homed(probe("a2", "e2", 0xf3L), 2), 2_000L);

    // then
    List<String> keys = context.forwarded().stream().map(f -> (String) f.record().key()).toList();
    assertThat(keys).containsExactly("5", "2");
    assertThat(forwarded()).extracting(NearCheck::eventId).containsExactly("e1", "e2");
    NearCheck verdict = forwarded().get(1);
    assertThat(verdict.matchArticleId()).isEqualTo("a1");
    assertThat(verdict.matchEventId()).isEqualTo("e1");
    assertThat(verdict.matchDistance()).isEqualTo(2);
    assertThat(verdict.exact()).isFalse();
    assertThat(verdict.seen()).isEqualTo(1L);
    assertThat(forwarded().get(0).hasMatch()).isFalse();
  }

  @Test
  void shouldNameTheEarliestNearArticleNotTheClosest() {
    // given: an original, and a copy of it that is closer to what comes next
    process(probe("a1", "e1", 0xf0L), 1_000L);
    process(probe("a2", "e2", 0xf3L), 2_000L);

    // when
    process(probe("a3", "e3", 0xf7L), 3_000L);

    // then
    assertThat(forwarded().get(2).matchArticleId()).isEqualTo("a1");
    assertThat(forwarded().get(2).matchDistance()).isEqualTo(3);
  }

  @Test
  void shouldNotMatchALaterTimestampedArticleProcessedFirst() {
    // given: the store holds an article with a later timestamp
    process(probe("a1", "e1", 0xf0L), 5_000L);

    // when: an earlier-timestamped one arrives
    process(probe("a2", "e2", 0xf0L), 1_000L);

    // then: it is the original, not a duplicate
    assertThat(forwarded().get(1).hasMatch()).isFalse();
  }

  @Test
  void shouldIgnoreTheSameArticleAndArticlesBeyondTheDistance() {
    // given
    process(probe("a1", "e1", 0xf0L), 1_000L);
    process(probe("a2", "e2", 0xf0L | 0xf00L), 2_000L);

    // when
    process(probe("a1", "e3", 0xf1L), 3_000L);

    // then: e3 is another version of a1 (same article) and a2 is 4 bits away
    assertThat(forwarded().get(1).hasMatch()).isFalse();
    assertThat(forwarded().get(2).hasMatch()).isFalse();
  }

  private static final String REPORT =
      "The Federal Reserve entered the government securities market to arrange 1.5 billion dlrs of"
          + " customer repurchase agreements, a spokesman for the New York Fed said. Dealers said"
          + " federal funds were trading at 6-1/4 pct when the Fed began its temporary and indirect"
          + " supply of reserves to the banking system. Economists said the move was widely expected.";
  private static final String REPORT_TRIMMED = REPORT.substring(0, REPORT.indexOf(" Economists"));

  @Test
  void shouldMatchAContainedTextWhateverItsSimHashDistance() {
    // given
    process(containmentProbe("a1", "e1", 0L, REPORT, DedupState.UNKNOWN_TIME), 1_000L);

    // when: the trimmed copy is 20 bits away by SimHash
    process(containmentProbe("a2", "e2", 0xfffffL, REPORT_TRIMMED, DedupState.UNKNOWN_TIME), 2_000L);

    // then
    NearCheck verdict = forwarded().get(1);
    assertThat(verdict.matchArticleId()).isEqualTo("a1");
    assertThat(verdict.matchDistance()).isEqualTo(20);
  }

  @Test
  void shouldKeepOneSketchPerArticleInsteadOfOneUnderEveryKey() {
    // when
    process(containmentProbe("a1", "e1", 0L, REPORT, DedupState.UNKNOWN_TIME), 1_000L);

    // then: the entries under its SimHash blocks and containment keys carry no sketch; the
    // sketch store has it once, under the eventId at the probe's timestamp
    TextProbe probe = containmentProbe("a1", "e1", 0L, REPORT, DedupState.UNKNOWN_TIME);
    WindowStore<String, NearEntry> store = context.<KeyIndexStore>getStateStore(TextKeyProcessor.STORE).windowStore();
    WindowStore<String, ContainmentSketch> sketches = context.getStateStore(TextKeyProcessor.SKETCH_STORE);
    List<String> nearKeys = probe.keys().subList(1, probe.keys().size() - 1);
    assertThat(nearKeys).hasSize(4 + 10);
    for (String key : nearKeys) {
      try (var entries = store.fetch(key, 0L, 2_000L)) {
        assertThat(entries).toIterable().singleElement().extracting(kv -> kv.value.sketch()).isEqualTo(ContainmentSketch.EMPTY);
      }
    }
    assertThat(sketches.fetch("e1", 1_000L)).isEqualTo(probe.sketch());
    try (var all = sketches.all()) {
      assertThat(all).toIterable().hasSize(1);
    }
  }

  @Test
  void shouldStillMatchAnEntryThatCarriesItsOwnSketch() {
    // given: an entry as written before the sketch store, the whole sketch under its containment keys
    TextProbe original = containmentProbe("a1", "e1", 0L, REPORT, DedupState.UNKNOWN_TIME);
    WindowStore<String, NearEntry> store = context.<KeyIndexStore>getStateStore(TextKeyProcessor.STORE).windowStore();
    for (String key : original.sketch().keys()) {
      store.put(key, new NearEntry("a1", "e1", 0L, DedupState.UNKNOWN_TIME, original.sketch()), 1_000L);
    }
    // as after a restore: Kafka Streams initialises the processor once its stores are restored
    processor.init(context);

    // when
    process(containmentProbe("a2", "e2", 0xfffffL, REPORT_TRIMMED, DedupState.UNKNOWN_TIME), 2_000L);

    // then
    assertThat(forwarded().get(0).matchArticleId()).isEqualTo("a1");
  }

  @Test
  void shouldNotMatchTheSameWordingWithOtherFiguresUnderEitherRule() {
    // given: the same report a week later, 2.5 instead of 1.5 billion, same SimHash
    String nextWeek = REPORT.replace("1.5 billion", "2.5 billion");
    process(containmentProbe("a1", "e1", 0xf0L, REPORT, DedupState.UNKNOWN_TIME), 1_000L);

    // when
    process(containmentProbe("a2", "e2", 0xf0L, nextWeek, DedupState.UNKNOWN_TIME), 2_000L);

    // then
    assertThat(forwarded().get(1).hasMatch()).isFalse();
  }

  @Test
  void shouldNameTheFirstArticleWithTheSameContentAsTheOneEveryLaterCopyDuplicates() {
    // given
    process(contentProbe("a1", "e1", "abc"), 1_000L);
    process(contentProbe("a2", "e2", "abc"), 2_000L);

    // when: a third copy, and a later version of the first article itself
    process(contentProbe("a3", "e3", "abc"), 3_000L);
    process(contentProbe("a1", "e4", "abc"), 500L);

    // then
    assertThat(forwarded().get(0).hasMatch()).isFalse();
    assertThat(forwarded().get(1).exact()).isTrue();
    assertThat(forwarded().get(1).matchArticleId()).isEqualTo("a1");
    assertThat(forwarded().get(2).matchArticleId()).isEqualTo("a1");
    assertThat(forwarded().get(2).exact()).isTrue();
    assertThat(forwarded().get(3).hasMatch()).isFalse();
  }

  @Test
  void shouldKeepADifferentTextPublishedDaysLaterButNotTheSameBody() {
    // given: a report published on day 0
    long day = Duration.ofDays(1).toMillis();
    process(containmentProbe("a1", "e1", 0xf0L, REPORT, 0L), 1_000L);

    // when: its trimmed wording two days later, the same body under another URL two days later,
    // and the trimmed wording again six hours after the report
    process(containmentProbe("a2", "e2", 0xfffffL, REPORT_TRIMMED, 2 * day), 2_000L);
    process(containmentProbe("a3", "e3", 0xf0L, REPORT, 2 * day), 3_000L);
    process(containmentProbe("a4", "e4", 0xfffffL, REPORT_TRIMMED, day / 4), 4_000L);

    // then
    assertThat(forwarded().get(1).hasMatch()).isFalse();
    assertThat(forwarded().get(2).matchArticleId()).isEqualTo("a1");
    // a copy of both the report (in time) and a2's identical body: the earlier wins
    assertThat(forwarded().get(3).matchArticleId()).isEqualTo("a1");
    assertThat(forwarded().get(3).matchDistance()).isEqualTo(Long.bitCount(0xfffffL ^ 0xf0L));
  }
}
