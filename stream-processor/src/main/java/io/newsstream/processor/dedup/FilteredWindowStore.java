package io.newsstream.processor.dedup;

import java.util.NoSuchElementException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A dedup step's window store with its {@link KeyPresence} filter: a range lookup of a key the
 * store cannot hold returns no entries without touching the store, and every put records its key
 * in the filter, so the filter's "no" stays certain. The processors read and write their store
 * only through this, once per task ({@link #open} in {@code init}, {@link #close} with the task).
 * Without a filter ({@code dedup-key-filter: false}) every call goes to the store.
 *
 * @param <V> value type of the store
 */
final class FilteredWindowStore<V> implements AutoCloseable {

  private final WindowStore<String, V> store;
  /** Null when the key filters are off. */
  private final KeyPresence presence;

  private FilteredWindowStore(WindowStore<String, V> store, KeyPresence presence) {
    this.store = store;
    this.presence = presence;
  }

  /** The store named {@code storeName} of the processor's task, with a filter read from it if the settings keep filters. */
  static <V> FilteredWindowStore<V> open(ProcessingContext context, String storeName, DedupSettings settings) {
    WindowStore<String, V> store = context.getStateStore(storeName);
    return open(context, store, settings);
  }

  /** {@code store}, a task's store or the entries of one, with a filter read from it if the settings keep filters. */
  static <V> FilteredWindowStore<V> open(ProcessingContext context, WindowStore<String, V> store, DedupSettings settings) {
    return open(context, store, settings, null);
  }

  /**
   * As {@link #open(ProcessingContext, WindowStore, DedupSettings)}, the filter recording the
   * {@code derived} hashes of an entry that has them instead of its key; {@link
   * #backwardFetch(String, long[], long, long)} asks about them.
   */
  static <V> FilteredWindowStore<V> open(
      ProcessingContext context, WindowStore<String, V> store, DedupSettings settings, KeyPresence.Derived<? super V> derived) {
    String storeName = store.name();
    KeyPresence presence =
        settings.keyFilter()
            ? KeyPresence.open(context, store, settings.retention().toMillis(), storeName + " of task " + context.taskId(), derived)
            : null;
    return new FilteredWindowStore<>(store, presence);
  }

  /** Entries of {@code key} stored at {@code [from, to]}, oldest first. */
  WindowStoreIterator<V> fetch(String key, long from, long to) {
    return mayHold(key, from, to) ? store.fetch(key, from, to) : empty();
  }

  /** Entries of {@code key} stored at {@code [from, to]}, newest first. */
  WindowStoreIterator<V> backwardFetch(String key, long from, long to) {
    return mayHold(key, from, to) ? store.backwardFetch(key, from, to) : empty();
  }

  /**
   * Entries of {@code key} stored at {@code [from, to]}, newest first, when one of them may have
   * been recorded with one of the {@link KeyPresence.Derived derived} {@code hashes}; else none,
   * although the store may hold others under the key.
   */
  WindowStoreIterator<V> backwardFetch(String key, long[] hashes, long from, long to) {
    return presence == null || presence.mightContainAny(hashes, from, to) ? store.backwardFetch(key, from, to) : empty();
  }

  void put(String key, V value, long timestamp) {
    store.put(key, value, timestamp);
    written(key, timestamp);
  }

  /**
   * Records in the filter a key written to the store by other means (the {@link KeyIndexStore}
   * writes its entries itself, with one changelog record for all of an article's keys).
   */
  void written(String key, long timestamp) {
    if (presence != null) {
      presence.add(key, timestamp);
    }
  }

  /**
   * As {@link #written(String, long)}, recording the entry's {@link KeyPresence.Derived derived}
   * hashes instead of the key (the key when null): a lookup of such a key asks about its hashes
   * ({@link #backwardFetch(String, long[], long, long)}).
   */
  void written(String key, long[] hashes, long timestamp) {
    if (presence == null) {
      return;
    }
    if (hashes == null) {
      presence.add(key, timestamp);
    } else {
      presence.addHashes(hashes, timestamp);
    }
  }

  /** Stops reading the store into the filter, if it is still being read. */
  @Override
  public void close() {
    if (presence != null) {
      presence.close();
    }
  }

  private boolean mayHold(String key, long from, long to) {
    return presence == null || presence.mightContain(key, from, to);
  }

  @SuppressWarnings("unchecked")
  private static <V> WindowStoreIterator<V> empty() {
    return (WindowStoreIterator<V>) EMPTY;
  }

  private static final WindowStoreIterator<Object> EMPTY =
      new WindowStoreIterator<>() {
        @Override
        public boolean hasNext() {
          return false;
        }

        @Override
        public KeyValue<Long, Object> next() {
          throw new NoSuchElementException();
        }

        @Override
        public Long peekNextKey() {
          throw new NoSuchElementException();
        }

        @Override
        public void close() {}
      };
}
