package io.newsstream.processor.dedup;

import io.newsstream.processor.config.ProcessorConfig.NearDuplicateMode;
import io.newsstream.processor.dedup.DecisionIndexProcessor.Decision;
import io.newsstream.processor.dedup.DedupState.NearCheck;
import io.newsstream.processor.dedup.DedupState.NearEntry;
import io.newsstream.processor.stage.Stage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SAME_EVENT under another URL, SAME_CONTENT and NEAR_DUPLICATE, the text-key step: each
 * article's {@link TextProbe} reaches every partition that owns one of its keys (the content
 * hash {@code "h:…"}, SimHash blocks {@code "index:value"}, containment keys {@code "c:…"}, the
 * eventId {@code "e:…"}), one copy keyed by the owner's number ({@link
 * PartitionNumberPartitioner}), so every article sharing a key is in the owner's store. For each
 * key the copy's owner owns ({@link TextProbe#partitionOf}), the processor looks up earlier
 * articles: under the eventId, any other article is the one a resent event duplicates; under the
 * content hash, the first earlier article is the one a copy duplicates; under the other keys up
 * to {@code nearMaxCandidates} of them (newest first) are compared and the earliest that came
 * before and is near is kept (it is the likeliest to have been emitted: a copy of a copy names
 * the original); without an earlier one, a later one that was checked first and already {@link
 * DecisionIndexProcessor emitted}. Under the content hash and the near keys an earlier article the
 * decision dropped is passed over: a copy names what consumers have, which the dropped article was
 * compared with under the same keys (a resent event still names the event's first article,
 * whatever became of it). The article is indexed under the key, and one verdict per
 * partition, the best of its keys, is forwarded keyed by the number of the article's home
 * partition ({@link TextProbe#home}). Near means, under a SimHash block, within the distance with
 * the figures of the shorter text all found in the other; under a containment key, {@link
 * ContainmentSketch#copyOf} at the configured share; and, unless the bodies are the same, the
 * two publication times no further apart than the configured gap (when both are known).
 *
 * <p>With a reorder window, probes are held in a store and checked in (timestamp, eventId)
 * order, each once it and every probe before it have been held for the window, so that an
 * original read after its copy is still checked first.
 *
 * <p>"Earlier" is the order (record timestamp, eventId), the same in every partition. Processing
 * order would differ between the blocks of a pair, and could make two articles each other's
 * duplicate and lose both; a fixed order never drops both of a pair.
 */
public final class TextKeyProcessor extends ContextualProcessor<String, TextProbe, String, NearCheck> {

  public static final String STORE = "dedup-text-key-store";
  /** Probes held for the reorder window, by (timestamp, eventId, articleId). */
  public static final String HOLD_STORE = "dedup-text-hold-store";
  /**
   * The sketch of each probe checked here, once, by eventId at the probe's timestamp; the entries
   * under its SimHash blocks and containment keys refer to it instead of carrying a copy each.
   */
  public static final String SKETCH_STORE = "dedup-text-sketch-store";
  private static final Logger LOG = LoggerFactory.getLogger(TextKeyProcessor.class);

  private final DedupSettings settings;
  /** The index, written an article at a time (all its keys here, one changelog record). */
  private KeyIndexStore index;
  /** The index read through its key filter: most keys of a new article were never seen, and skip it. */
  private FilteredWindowStore<NearEntry> store;
  /** The keys the article being checked is indexed under once it is checked. */
  private final List<String> indexed = new ArrayList<>();
  /** What the key filter records for each of them instead of the key, or null ({@link SimHashBlocks#neighbourhood}). */
  private final List<long[]> indexedHashes = new ArrayList<>();
  private WindowStore<String, ContainmentSketch> sketches;
  /** What became of the articles indexed here: emitted or dropped ({@link DecisionIndexProcessor}). */
  private WindowStore<String, String> decided;
  private KeyValueStore<String, Held> held;
  /** No key before this one is held (null: unknown, scan from the start). */
  private String scanFrom;
  private long holdMs;
  /** Probes in the hold store, as counted into the metrics. */
  private long heldCount;

  private static final HexFormat HEX = HexFormat.of();

  /** Wall-clock time one punctuation may spend checking held probes. */
  static final long RELEASE_BUDGET_MS = 200;
  /** Held probes read from the store at a time. */
  static final int RELEASE_CHUNK = 256;

  public TextKeyProcessor(DedupSettings settings) {
    this.settings = settings;
  }

  @Override
  public void init(ProcessorContext<String, NearCheck> context) {
    super.init(context);
    if (store != null) {
      store.close(); // initialised again after an error: the store was restored anew
    }
    index = context.getStateStore(STORE);
    int distance = settings.nearDistance();
    store =
        FilteredWindowStore.open(
            context, index.windowStore(), settings, (key, entry) -> SimHashBlocks.neighbourhood(key, entry.simhash(), distance));
    sketches = context.getStateStore(SKETCH_STORE);
    decided = context.getStateStore(DecisionIndexProcessor.STORE);
    holdMs = settings.reorderWindow().toMillis();
    // A task revived after an error is initialised again with its stores restored: scan them whole.
    scanFrom = null;
    if (holdMs > 0) {
      held = context.getStateStore(HOLD_STORE);
      // What a restored store holds counts as held by this instance now (and nothing counted
      // before, should the task be initialised again without a close).
      settings.metrics().heldProbes(-heldCount);
      heldCount = 0;
      try (KeyValueIterator<String, Held> it = held.all()) {
        while (it.hasNext()) {
          it.next();
          heldCount++;
        }
      }
      settings.metrics().heldProbes(heldCount);
      context.schedule(Duration.ofMillis(Math.max(50L, Math.min(250L, holdMs / 4))), PunctuationType.WALL_CLOCK_TIME,
          scheduled -> release(context.currentSystemTimeMs()));
    }
  }

  @Override
  public void process(Record<String, TextProbe> record) {
    TextProbe probe = record.value();
    int partition = Integer.parseInt(record.key());
    if (held == null) {
      check(probe, partition, record.timestamp());
      return;
    }
    String key = holdKey(record.timestamp(), probe, partition);
    if (scanFrom != null && compare(key, scanFrom) < 0) {
      // Earlier than what is held: it goes first, and holds back what comes after it.
      scanFrom = key;
    }
    // Checked by the wall-clock punctuation once it and everything before it were held long enough.
    held.put(key, new Held(context().currentSystemTimeMs(), partition, record.timestamp(), probe));
    heldCount++;
    settings.metrics().heldProbes(1);
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
    // The task moves or stops: what it holds is no longer this instance's to report.
    settings.metrics().heldProbes(-heldCount);
    heldCount = 0;
  }

  /**
   * The stores' order of two {@link #holdKey hold keys}: UTF-8 bytes, unsigned. Both start with
   * {@value #TIME_DIGITS} hex digits, ASCII, in which UTF-16 and UTF-8 order agree, and keys of
   * different timestamps differ there: only keys of one timestamp are encoded to compare.
   */
  static int compare(String a, String b) {
    for (int i = 0; i < TIME_DIGITS; i++) {
      int c = Character.compare(a.charAt(i), b.charAt(i));
      if (c != 0) {
        return c;
      }
    }
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** Hex digits of the timestamp that starts every hold key. */
  private static final int TIME_DIGITS = 16;

  /**
   * Checks, in (timestamp, eventId) order, every held probe up to the first that has not been
   * held for the reorder window yet: the ones after it wait for it, so that what is checked stays
   * in order. One call works at most {@link #RELEASE_BUDGET_MS}, in chunks of {@link
   * #RELEASE_CHUNK}; what is left is released by the next calls. While a backlog is read, the
   * probes of thousands of articles fall due at once, and checking them all in one punctuation
   * would keep the stream thread from committing (nothing reaches the output meanwhile) and could
   * outlast the transaction timeout under exactly-once.
   */
  private void release(long now) {
    long deadline = System.nanoTime() + RELEASE_BUDGET_MS * 1_000_000L;
    while (releaseChunk(now) && System.nanoTime() < deadline) {
      // the next chunk
    }
  }

  /** Releases up to {@link #RELEASE_CHUNK} due probes; true if there may be more due. */
  private boolean releaseChunk(long now) {
    List<KeyValue<String, Held>> due = new ArrayList<>();
    String waiting = null;
    // From the least key that can still be held: the ones before it are deleted, and a queue's
    // deleted head is what a RocksDB iterator would otherwise step over on every scan.
    try (KeyValueIterator<String, Held> it = scanFrom == null ? held.all() : held.range(scanFrom, null)) {
      while (it.hasNext() && due.size() < RELEASE_CHUNK) {
        KeyValue<String, Held> next = it.next();
        if (next.value.arrivedAt() + holdMs > now) {
          waiting = next.key;
          break;
        }
        due.add(next);
      }
    }
    if (!due.isEmpty()) {
      heldCount -= due.size();
      settings.metrics().heldProbes(-due.size());
      // One write batch of deletes (null values): delete() one at a time would also read each
      // entry back first, to return it.
      List<KeyValue<String, Held>> removals = new ArrayList<>(due.size());
      for (KeyValue<String, Held> entry : due) {
        removals.add(KeyValue.pair(entry.key, null));
      }
      held.putAll(removals);
    }
    for (KeyValue<String, Held> entry : due) {
      Held h = entry.value;
      check(h.probe(), h.partition(), h.timestamp());
    }
    if (waiting != null) {
      scanFrom = waiting;
    } else if (!due.isEmpty()) {
      scanFrom = due.get(due.size() - 1).key;
    }
    return waiting == null && due.size() == RELEASE_CHUNK;
  }

  /**
   * Sorts by timestamp (sign bit flipped, as unsigned hex), then eventId; the articleId and the
   * partition make it unique (one task can serve several partitions' copies in tests).
   */
  static String holdKey(long timestamp, TextProbe probe, int partition) {
    return HEX.toHexDigits(timestamp ^ Long.MIN_VALUE) + probe.eventId() + '\n' + probe.articleId() + '\n' + partition;
  }

  /** A probe waiting in the hold store: when it arrived (wall clock), for which partition, its timestamp. */
  public record Held(long arrivedAt, int partition, long timestamp, TextProbe probe) {}

  private void check(TextProbe probe, int partition, long timestamp) {
    NearCheck verdict = NearCheck.verdict(probe, partition);
    // Kept once, with the first SimHash-block or containment key this partition owns: ten
    // containment keys would otherwise keep ten copies.
    boolean sketchKept = probe.sketch().equals(ContainmentSketch.EMPTY);
    indexed.clear();
    indexedHashes.clear();
    for (String key : probe.keys()) {
      if (TextProbe.partitionOf(key, settings.textPartitions()) != partition) {
        continue;
      }
      if (!sketchKept && isNearKey(key)) {
        sketches.put(probe.eventId(), probe.sketch(), timestamp);
        sketchKept = true;
      }
      try {
        verdict = verdict.better(check(key, probe, NearCheck.verdict(probe, partition), timestamp));
      } catch (StreamsException e) {
        throw e;
      } catch (RuntimeException e) {
        // The verdict must still reach the decision step, or the article would wait there
        // forever: this key counts as "no match" and the failure is counted and logged.
        settings.metrics().failed(Stage.DEDUP);
        LOG.warn(
            "Near-duplicate check of key {} failed for event {} at {}; treating it as no match",
            key,
            probe.eventId(),
            context().recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("unknown"),
            e);
      }
    }
    // After every key's lookup: no lookup of this article's keys is to find the article itself.
    if (!indexed.isEmpty()) {
      index.put(
          indexed,
          new NearEntry(probe.articleId(), probe.eventId(), probe.simhash(), probe.publishedAt(), ContainmentSketch.EMPTY),
          timestamp);
      for (int i = 0; i < indexed.size(); i++) {
        store.written(indexed.get(i), indexedHashes.get(i), timestamp);
      }
    }
    context().forward(new Record<>(Integer.toString(probe.home()), verdict, timestamp));
  }

  private NearCheck check(String key, TextProbe probe, NearCheck verdict, long ts) {
    if (TextProbe.isContentKey(key)) {
      return checkContent(key, probe, verdict, ts);
    }
    if (TextProbe.isEventKey(key)) {
      return checkEvent(key, probe, verdict, ts);
    }
    ContainmentSketch sketch = probe.sketchFor(key);
    // Under a SimHash block only an entry within the distance can be near, and the key filter
    // knows whether one may be there: most of the time none is, although the block has been seen.
    long[] neighbourhood = SimHashBlocks.neighbourhood(key, probe.simhash(), settings.nearDistance());
    // A correction is only indexed, so that later copies of it find it; it is never a near copy.
    KeyValue<Long, NearEntry> match = probe.nearCheck() ? earliestNear(key, neighbourhood, probe, sketch, ts) : null;
    index(key, neighbourhood);
    return match == null
        ? verdict
        : verdict.withMatch(match.value, SimHashBlocks.distance(match.value.simhash(), probe.simhash()), match.key, false);
  }

  /**
   * Indexes the probe's article under {@code key}, with its other keys once all are checked. The
   * entry does not carry the sketch: that is in the sketch store, under the eventId at the same
   * timestamp.
   */
  private void index(String key) {
    index(key, null);
  }

  /** As {@link #index(String)}, the key filter recording {@code hashes} instead of the key (the key when null). */
  private void index(String key, long[] hashes) {
    indexed.add(key);
    indexedHashes.add(hashes);
  }

  /**
   * The earliest of the newest {@code nearMaxCandidates} earlier articles under the key that is
   * near the probe, with its record timestamp; else the earliest later one that is near and was
   * {@link DecisionIndexProcessor emitted} (checked before the probe although later by
   * timestamp); null when none is.
   *
   * @param neighbourhood under a SimHash block, the probe's {@link SimHashBlocks#neighbourhood}:
   *     the store is read only if the key filter may know an entry by one of them; null under a
   *     containment key
   */
  private KeyValue<Long, NearEntry> earliestNear(String key, long[] neighbourhood, TextProbe probe, ContainmentSketch sketch, long ts) {
    boolean containmentKey = ContainmentSketch.isKey(key);
    KeyValue<Long, NearEntry> best = null;
    KeyValue<Long, NearEntry> late = null;
    int compared = 0;
    try (WindowStoreIterator<NearEntry> it =
        neighbourhood == null
            ? store.backwardFetch(key, settings.from(ts), settings.to(ts))
            : store.backwardFetch(key, neighbourhood, settings.from(ts), settings.to(ts))) {
      while (it.hasNext() && compared < settings.nearMaxCandidates()) {
        KeyValue<Long, NearEntry> candidate = it.next();
        NearEntry entry = candidate.value;
        if (entry.articleId().equals(probe.articleId())) {
          continue;
        }
        boolean before = earlier(candidate.key, entry.eventId(), ts, probe.eventId());
        compared++;
        int distance = SimHashBlocks.distance(entry.simhash(), probe.simhash());
        // Under a SimHash block most candidates are too far apart to need their sketch read.
        ContainmentSketch other = containmentKey || distance <= settings.nearDistance() ? sketchOf(entry, candidate.key) : null;
        boolean near =
            other != null
                && (containmentKey
                    ? sketch.copyOf(other, settings.nearContainment())
                    : sketch.figuresContained(other))
                && (sameBody(sketch, other, distance) || publishedClose(probe.publishedAt(), entry.publishedAt()));
        // Newest first: each near candidate found is earlier than the previous one. One that was
        // dropped is passed over: what it was compared with is under the same keys.
        if (near && before) {
          if (decision(entry, candidate.key) != Decision.DROPPED) {
            best = candidate;
          }
        } else if (near && decision(entry, candidate.key) == Decision.EMITTED) {
          late = candidate;
        }
      }
    }
    return best != null ? best : late;
  }

  /**
   * The sketch of the article of {@code entry}, indexed at {@code time}: from the sketch store, or
   * the copy the entry carries (entries written before the sketch store did); empty when neither
   * has one.
   */
  private ContainmentSketch sketchOf(NearEntry entry, long time) {
    if (!entry.sketch().equals(ContainmentSketch.EMPTY)) {
      return entry.sketch();
    }
    ContainmentSketch stored = sketches.fetch(entry.eventId(), time);
    return stored == null ? ContainmentSketch.EMPTY : stored;
  }

  /** A SimHash block or containment key: one compared by text, not by identity. */
  private static boolean isNearKey(String key) {
    return !TextProbe.isContentKey(key) && !TextProbe.isEventKey(key);
  }

  /**
   * What became of the article of {@code entry}, indexed at {@code time}. A dropped one is never
   * named: a later copy of it names what the dropped one was compared with (indexed under the same
   * keys), which consumers have, or is judged without it.
   */
  private Decision decision(NearEntry entry, long time) {
    return Decision.of(decided, entry.articleId(), time);
  }

  /**
   * SAME_CONTENT: the earliest article under the content hash that came before the probe is the
   * one it duplicates, so every later copy names the first; without one, the earliest later
   * article with it that was already emitted (checked first, although later by timestamp).
   */
  private NearCheck checkContent(String key, TextProbe probe, NearCheck verdict, long ts) {
    NearEntry first = null;
    long firstTime = -1L;
    Decision firstDecision = Decision.PENDING;
    try (WindowStoreIterator<NearEntry> it = store.fetch(key, settings.from(ts), settings.to(ts))) {
      int seen = 0;
      while (it.hasNext() && seen++ < settings.nearMaxCandidates()) {
        KeyValue<Long, NearEntry> candidate = it.next();
        NearEntry entry = candidate.value;
        if (entry.articleId().equals(probe.articleId())) {
          continue;
        }
        if (earlier(candidate.key, entry.eventId(), ts, probe.eventId())) {
          Decision d = decision(entry, candidate.key);
          if (d == Decision.DROPPED) {
            continue; // a copy of a dropped article: the next earlier one, or a near key, names what it duplicates
          }
          first = entry;
          firstTime = candidate.key;
          firstDecision = d;
          break;
        }
        if (firstTime == -1L && decision(entry, candidate.key) == Decision.EMITTED) {
          // Oldest first: the earliest later one; an earlier one further on still wins.
          first = entry;
          firstTime = candidate.key;
          firstDecision = Decision.EMITTED;
        }
      }
    }
    index(key);
    if (first == null) {
      return verdict;
    }
    int distance = SimHashBlocks.distance(first.simhash(), probe.simhash());
    // Only when near copies are dropped can a pending one be dropped for an earlier near article
    // (flagged, it is emitted).
    return settings.nearMode() != NearDuplicateMode.DROP || firstDecision != Decision.PENDING
        ? verdict.withMatch(first, distance, firstTime, true)
        : verdict.withUndecidedContentMatch(first, distance, firstTime);
  }

  /**
   * SAME_EVENT under another URL: the first other article indexed with the probe's eventId. The
   * key lives in one partition only, so the order that matters is that partition's processing
   * order, as for a retry at home. (The same URL again is dropped at home and never gets here.)
   */
  private NearCheck checkEvent(String key, TextProbe probe, NearCheck verdict, long ts) {
    KeyValue<Long, NearEntry> first = null;
    try (WindowStoreIterator<NearEntry> it = store.fetch(key, settings.from(ts), settings.to(ts))) {
      while (first == null && it.hasNext()) {
        KeyValue<Long, NearEntry> candidate = it.next();
        if (!candidate.value.articleId().equals(probe.articleId())) {
          first = candidate;
        }
      }
    }
    index(key);
    return first == null ? verdict : verdict.withSameEvent(first.value, first.key);
  }

  /** Same body (SimHash and shingle count equal): a copy whenever it was published. */
  private static boolean sameBody(ContainmentSketch sketch, ContainmentSketch other, int distance) {
    return distance == 0 && sketch.shingles() == other.shingles();
  }

  /**
   * Publication times within the configured gap, or either unknown. A recurring report (the
   * daily repurchase operation, a weekly auction) repeats its wording a day or more later.
   */
  private boolean publishedClose(long a, long b) {
    long gap = settings.nearMaxPublishedGap().toMillis();
    return gap == 0 || a == DedupState.UNKNOWN_TIME || b == DedupState.UNKNOWN_TIME || Math.abs(a - b) <= gap;
  }

  private static boolean earlier(long candidateTs, String candidateEventId, long ts, String eventId) {
    return candidateTs < ts || (candidateTs == ts && candidateEventId.compareTo(eventId) < 0);
  }
}
