package io.newsstream.processor.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys a dedup window store may hold, kept in memory, so that looking up a key the store
 * cannot hold skips the store. Most lookups are of such keys: a new article's eventId, URL, content
 * hash, SimHash blocks and containment keys were never seen before, and a range lookup in a
 * RocksDB window store (an iterator per segment, created and positioned through JNI) costs far more
 * than the lookup of a key in a Bloom filter. The processor that owns the store adds every key it
 * puts, so a "no" is certain; a few percent of the keys the store does not hold still get a
 * "maybe" (Bloom filters of 10 or more bits per key), and those are looked up in the store as
 * before.
 *
 * <p>Keys are kept by time bucket, one store retention wide, by the timestamp they are stored
 * at: a lookup around a timestamp asks the buckets its range overlaps. A bucket that ends more
 * than one retention before the latest timestamp seen is dropped, since the store no longer
 * returns what it held; a lookup whose range reaches back to a dropped bucket answers "maybe".
 * Each bucket is a chain of Bloom filters, each larger than the one before, so a bucket needs no
 * size up front and keeps few false positives however many keys it gets.
 *
 * <p>The filter is the owner's memory, not state: the processor fills it from its store, which
 * Kafka Streams has restored before it calls {@code init} ({@link #reading}), and from its own
 * puts. Not thread-safe; one per task and store, as the stores are.
 */
public final class KeyPresence implements AutoCloseable {

  /** Keys the first filter of a bucket is sized for; each next one takes {@value #GROWTH} times as many. */
  static final int FIRST_CAPACITY = 1 << 13;

  private static final Logger LOG = LoggerFactory.getLogger(KeyPresence.class);
  /** Bits per key of a bucket's first filter. */
  private static final int BITS_PER_KEY = 10;
  /** Each filter of a chain is this many times larger than the one before. */
  static final int GROWTH = 4;
  /** And has this many more bits per key. */
  private static final int EXTRA_BITS_PER_LEVEL = 1;

  private final long bucketMs;
  private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
  /** Buckets below this index were dropped: what they held is unknown. */
  private long firstKept = Long.MIN_VALUE;
  private long latest = Long.MIN_VALUE;
  /** The store being read, until it has been read whole. */
  private KeyValueIterator<Windowed<String>, ?> source;
  /** What to record for a stored entry instead of its key, or null for the key always (see {@link Derived}). */
  private Derived<Object> derived;
  private String sourceName;
  private long readStarted;

  /** @param retentionMs the store's retention */
  public KeyPresence(long retentionMs) {
    if (retentionMs <= 0) {
      throw new IllegalArgumentException("retention must be positive: " + retentionMs);
    }
    this.bucketMs = retentionMs;
  }

  /**
   * A filter of the keys {@code store} holds, filled by reading the store once, a part at a time
   * ({@link #fill}), since a week of a busy processor's text keys is millions of entries: read in
   * {@code init} all at once, they would hold the stream thread for seconds before it processes
   * anything. Until the read is complete every lookup answers "maybe", as without a filter. Keys
   * put meanwhile are {@link #add added} as usual; the read sees the store as it was when it
   * began. A processor creates it in {@code init}, which Kafka Streams calls once the store is
   * restored, and {@link #close closes} it when the task closes.
   *
   * @param name what the log line names (the store and the task)
   */
  public static <V> KeyPresence reading(WindowStore<String, V> store, long retentionMs, String name) {
    return reading(store, retentionMs, name, null);
  }

  /**
   * As {@link #reading(WindowStore, long, String)}, recording for each entry read the hashes
   * {@code derived} gives it instead of its key (the key when it gives null).
   */
  @SuppressWarnings("unchecked")
  public static <V> KeyPresence reading(WindowStore<String, V> store, long retentionMs, String name, Derived<? super V> derived) {
    KeyPresence presence = new KeyPresence(retentionMs);
    presence.source = store.all();
    presence.sourceName = name;
    presence.readStarted = System.nanoTime();
    presence.derived = (Derived<Object>) derived;
    return presence;
  }

  /**
   * Hashes a filter records for a stored entry instead of its key's, for lookups that ask about
   * more than the key ({@link #mightContainAny}); the owner {@link #addHashes adds} the same ones
   * for what it puts. A key with derived hashes is asked about by them only: {@link
   * #mightContain} does not know it.
   *
   * @param <V> value type of the store
   */
  @FunctionalInterface
  public interface Derived<V> {
    /** The hashes recorded for {@code value} stored under {@code key}, or null to record the key. */
    long[] hashes(String key, V value);
  }

  /** Thread time the processor's {@code init} and each later punctuation spend reading the store. */
  static final Duration FILL_BUDGET = Duration.ofMillis(20);
  /** Wall-clock interval of the punctuations that read the store on until it is read. */
  static final Duration FILL_INTERVAL = Duration.ofMillis(100);

  /**
   * {@link #reading} the store, read as far as {@link #FILL_BUDGET} allows now (all of a small
   * store), and on in wall-clock punctuations of the processor's task, at most a fifth of the
   * stream thread, until it has been read.
   */
  public static <V> KeyPresence open(ProcessingContext context, WindowStore<String, V> store, long retentionMs, String name) {
    return open(context, store, retentionMs, name, FILL_BUDGET, null);
  }

  /** As {@link #open(ProcessingContext, WindowStore, long, String)}, recording {@code derived} hashes too. */
  public static <V> KeyPresence open(
      ProcessingContext context, WindowStore<String, V> store, long retentionMs, String name, Derived<? super V> derived) {
    return open(context, store, retentionMs, name, FILL_BUDGET, derived);
  }

  /** As {@link #open(ProcessingContext, WindowStore, long, String, Derived)}, with another budget per read. */
  static <V> KeyPresence open(
      ProcessingContext context, WindowStore<String, V> store, long retentionMs, String name, Duration budget, Derived<? super V> derived) {
    KeyPresence presence = reading(store, retentionMs, name, derived);
    if (!presence.fill(budget)) {
      Cancellable[] reads = new Cancellable[1];
      reads[0] =
          context.schedule(FILL_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> {
            if (presence.fill(budget)) {
              reads[0].cancel();
            }
          });
    }
    return presence;
  }

  /**
   * Reads on in the store for at most {@code budget} of this thread's time; returns true once the
   * whole store has been read (the filter answers from then on).
   */
  public boolean fill(Duration budget) {
    if (source == null) {
      return true;
    }
    long deadline = System.nanoTime() + budget.toNanos();
    int n = 0;
    while (source.hasNext()) {
      KeyValue<Windowed<String>, ?> next = source.next();
      long[] hashes = derived == null ? null : derived.hashes(next.key.key(), next.value);
      if (hashes == null) {
        add(next.key.key(), next.key.window().start());
      } else {
        addHashes(hashes, next.key.window().start());
      }
      if ((++n & 255) == 0 && System.nanoTime() > deadline) {
        return false;
      }
    }
    source.close();
    source = null;
    if (size() > 0) {
      LOG.info("Key filter of {} read {} entries in {} ms ({} KB)", sourceName, size(),
          (System.nanoTime() - readStarted) / 1_000_000, bytes() / 1024);
    }
    return true;
  }

  /** True once the store has been read: a "no" is certain from then on. */
  public boolean complete() {
    return source == null;
  }

  /** Stops reading the store (the task closes). */
  @Override
  public void close() {
    if (source != null) {
      source.close();
      source = null;
    }
  }

  /** Records that the store holds {@code key} at {@code timestamp}. */
  public void add(String key, long timestamp) {
    addHash(hash(key), timestamp);
  }

  /** Records {@link Derived derived} hashes of an entry stored at {@code timestamp}; none when null. */
  public void addHashes(long[] hashes, long timestamp) {
    if (hashes != null) {
      for (long h : hashes) {
        addHash(h, timestamp);
      }
    }
  }

  private void addHash(long h, long timestamp) {
    long index = Math.floorDiv(timestamp, bucketMs);
    if (index < firstKept) {
      return; // older than anything a lookup is answered for
    }
    buckets.computeIfAbsent(index, i -> new Bucket()).add(h);
    if (timestamp > latest) {
      latest = timestamp;
      expire();
    }
  }

  /**
   * False when the store holds no entry of {@code key} stored at a timestamp in {@code [from,
   * to]}; true when it may.
   */
  public boolean mightContain(String key, long from, long to) {
    Collection<Bucket> asked = asked(from, to);
    if (asked == null) {
      return true;
    }
    long h = hash(key);
    for (Bucket bucket : asked) {
      if (bucket.mightContain(h)) {
        return true;
      }
    }
    return false;
  }

  /**
   * False when no entry stored at a timestamp in {@code [from, to]} was recorded with any of the
   * {@link Derived derived} {@code hashes}; true when one may have been.
   */
  public boolean mightContainAny(long[] hashes, long from, long to) {
    Collection<Bucket> asked = asked(from, to);
    if (asked == null) {
      return true;
    }
    for (Bucket bucket : asked) {
      for (long h : hashes) {
        if (bucket.mightContain(h)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The buckets a lookup of {@code [from, to]} asks; null when it must answer "maybe": the store
   * is still being read, or the range reaches back to a dropped bucket.
   */
  private Collection<Bucket> asked(long from, long to) {
    if (source != null) {
      return null;
    }
    long first = Math.floorDiv(from, bucketMs);
    if (first < firstKept) {
      return null;
    }
    return buckets.subMap(first, true, Math.floorDiv(to, bucketMs), true).values();
  }

  /** Keys recorded in the buckets still kept (each key once per put). */
  public long size() {
    long n = 0;
    for (Bucket bucket : buckets.values()) {
      n += bucket.keys;
    }
    return n;
  }

  /** Bytes of the filters' bit arrays. */
  public long bytes() {
    long n = 0;
    for (Bucket bucket : buckets.values()) {
      for (Filter filter : bucket.filters) {
        n += filter.bits.length * 8L;
      }
    }
    return n;
  }

  /** Drops the buckets that end more than one retention before the latest timestamp. */
  private void expire() {
    long keepFrom = Math.floorDiv(latest, bucketMs) - 1;
    if (keepFrom <= firstKept) {
      return;
    }
    Iterator<Map.Entry<Long, Bucket>> it = buckets.headMap(keepFrom, false).entrySet().iterator();
    while (it.hasNext()) {
      it.next();
      it.remove();
    }
    firstKept = keepFrom;
  }

  /** 64-bit FNV-1a over the UTF-16 chars, with the SplitMix64 finalizer to spread the bits. */
  static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h;
  }

  /**
   * A chain of Bloom filters, the last one filled until it holds its capacity; each next one is
   * {@value #GROWTH} times larger and has {@value #EXTRA_BITS_PER_LEVEL} more bits per key, so the
   * chain's false positives stay near the first filter's however long it gets.
   */
  private static final class Bucket {
    final List<Filter> filters = new ArrayList<>(4);
    long keys;

    void add(long h) {
      Filter current = filters.isEmpty() ? null : filters.get(filters.size() - 1);
      if (current == null || current.keys >= current.capacity) {
        int level = filters.size();
        current = new Filter(current == null ? FIRST_CAPACITY : current.capacity * GROWTH, BITS_PER_KEY + EXTRA_BITS_PER_LEVEL * level);
        filters.add(current);
      }
      current.add(h);
      keys++;
    }

    boolean mightContain(long h) {
      for (Filter filter : filters) {
        if (filter.mightContain(h)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * One blocked Bloom filter: every probe of a key falls in one 512-bit block (a cache line), so a
   * lookup costs one memory access per filter. The block is chosen by the key's hash, the probes'
   * bit positions by a second hash derived from it, 9 bits each.
   */
  private static final class Filter {
    final long[] bits;
    final int blocks;
    final int probes;
    final int capacity;
    int keys;

    Filter(int capacity, int bitsPerKey) {
      this.capacity = capacity;
      this.blocks = Math.max(1, (int) (((long) capacity * bitsPerKey + 511) / 512));
      this.bits = new long[blocks * 8];
      this.probes = Math.min(7, Math.max(1, (int) Math.round(bitsPerKey * 0.69)));
    }

    void add(long h) {
      int base = block(h);
      long positions = mix(h);
      for (int i = 0; i < probes; i++, positions >>>= 9) {
        int bit = (int) (positions & 511);
        bits[base + (bit >>> 6)] |= 1L << bit;
      }
      keys++;
    }

    boolean mightContain(long h) {
      int base = block(h);
      long positions = mix(h);
      for (int i = 0; i < probes; i++, positions >>>= 9) {
        int bit = (int) (positions & 511);
        if ((bits[base + (bit >>> 6)] & (1L << bit)) == 0) {
          return false;
        }
      }
      return true;
    }

    private int block(long h) {
      return (int) Long.remainderUnsigned(h, blocks) * 8;
    }

    private static long mix(long h) {
      h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
      h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
      return h ^ (h >>> 33);
    }
  }
}
