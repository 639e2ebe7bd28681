package io.newsstream.processor.dedup;

import io.newsstream.processor.dedup.DedupState.NearEntry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.RecordBatchingStateRestoreCallback;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.internals.WindowKeySchema;

/**
 * The text-key step's index ({@link TextKeyProcessor#STORE}): a window store of {@link NearEntry}
 * by key, whose changelog holds <b>one record per indexed article</b> (its keys and its entry)
 * instead of one per key. An article is indexed under up to 16 keys (content hash, eventId,
 * SimHash blocks, containment keys), all with the same entry at the same time; logging them as
 * one record spares the broker and the producer fifteen records an article, the largest share of
 * the processor's changelog traffic.
 *
 * <p>The entries themselves are in an inner window store built without a changelog (RocksDB or
 * in memory, as configured). This store registers with Kafka Streams in its place, under the same
 * name, so Kafka Streams creates, checkpoints and restores the changelog as for any logged store;
 * on restore each record is expanded back into the inner store's own entries, one per key, and
 * handed to the inner store's restore. Records written before this format (one entry each, as a
 * window store logs them; they carry no {@link #FORMAT_HEADER}) are handed on as they are, so a
 * changelog written by an earlier version restores unchanged.
 *
 * <p>The processor reaches this object itself through {@code getStateStore}: it is not a {@link
 * WindowStore}, so Kafka Streams hands it over without a read-write decorator. Reads go to {@link
 * #windowStore()}; writes only through {@link #put}.
 *
 * <p>Kafka Streams has no public API for a store that writes its own changelog records, so this
 * one uses three of its internal types, as its own logged stores do: {@code
 * InternalProcessorContext.logChange} (the record goes through the task's producer, in its
 * transaction), {@code RecordBatchingStateRestoreCallback} and {@code WindowKeySchema} (the window
 * store's key layout: key bytes, 8 bytes of time, 4 of sequence number). A Kafka upgrade that
 * changes them fails {@code KeyIndexStoreTest}, {@code KeyIndexChangelogTest} and {@code
 * CrashRecoveryIT}.
 */
public final class KeyIndexStore implements StateStore {

  /** Marks a changelog record in this store's format; its value is the format's version. */
  static final String FORMAT_HEADER = "newsstream.index";

  static final byte FORMAT_VERSION = 1;

  /**
   * Sequence numbers given to entries expanded on restore start here, far from the inner store's
   * own (from 0 on every open), so that an entry restored and one put later under the same key at
   * the same millisecond never share a store key.
   */
  static final int RESTORE_SEQNUM_BASE = 1 << 30;

  private final WindowStore<String, NearEntry> inner;
  private final Serde<NearEntry> valueSerde;
  private final boolean logged;
  private InternalProcessorContext<?, ?> loggingContext;
  private int restoreSeqnum = RESTORE_SEQNUM_BASE;

  /**
   * @param inner the entries, a window store without a changelog or cache, of the same name
   * @param valueSerde the entries' serde, the same the inner store was built with
   * @param logged whether to write the changelog (the builder's {@code loggingEnabled})
   */
  KeyIndexStore(WindowStore<String, NearEntry> inner, Serde<NearEntry> valueSerde, boolean logged) {
    this.inner = inner;
    this.valueSerde = valueSerde;
    this.logged = logged;
  }

  /** The entries, for reading (a {@link FilteredWindowStore} and its filter read through this). */
  public WindowStore<String, NearEntry> windowStore() {
    return inner;
  }

  /**
   * Indexes one article: {@code entry} under each of {@code keys} at {@code timestamp}, and one
   * changelog record for all of them.
   */
  public void put(List<String> keys, NearEntry entry, long timestamp) {
    if (keys.isEmpty()) {
      return;
    }
    for (String key : keys) {
      inner.put(key, entry, timestamp);
    }
    if (logged) {
      RecordHeaders headers = new RecordHeaders();
      headers.add(FORMAT_HEADER, new byte[] {FORMAT_VERSION});
      loggingContext.logChange(
          name(),
          Bytes.wrap(changelogKey(entry, timestamp)),
          changelogValue(keys, valueSerde.serializer().serialize(null, entry), timestamp),
          timestamp,
          headers,
          inner.getPosition());
    }
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    if (logged) {
      if (!(context instanceof InternalProcessorContext<?, ?> internal)) {
        throw new StreamsException(
            "The logged store " + name() + " needs Kafka Streams' own context to write its changelog; got " + context.getClass().getName());
      }
      loggingContext = internal;
    }
    // The inner store registers `root` (this) with its own restore callback; the context it is
    // given swaps in one that expands this store's records first.
    inner.init(registeringExpandedRestore(context), root);
  }

  private StateStoreContext registeringExpandedRestore(StateStoreContext context) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("register") && args != null && args.length >= 2 && args[1] instanceof StateRestoreCallback callback) {
            args[1] = expanding(callback);
          }
          try {
            return method.invoke(context, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    // Every interface of the real context: the inner store checks for Kafka Streams' internal one.
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    for (Class<?> type = context.getClass(); type != null; type = type.getSuperclass()) {
      addInterfaces(type, interfaces);
    }
    return (StateStoreContext) Proxy.newProxyInstance(KeyIndexStore.class.getClassLoader(), interfaces.toArray(Class<?>[]::new), handler);
  }

  private static void addInterfaces(Class<?> type, Set<Class<?>> into) {
    for (Class<?> implemented : type.getInterfaces()) {
      if (into.add(implemented)) {
        addInterfaces(implemented, into);
      }
    }
  }

  private RecordBatchingStateRestoreCallback expanding(StateRestoreCallback innerCallback) {
    return records -> {
      List<ConsumerRecord<byte[], byte[]>> expanded = expand(records);
      if (innerCallback instanceof RecordBatchingStateRestoreCallback batching) {
        batching.restoreBatch(expanded);
      } else {
        for (ConsumerRecord<byte[], byte[]> record : expanded) {
          innerCallback.restore(record.key(), record.value());
        }
      }
    };
  }

  /**
   * The inner store's changelog records for {@code records}: one per key of each record in this
   * store's format, records without the format header as they are.
   */
  List<ConsumerRecord<byte[], byte[]>> expand(Collection<ConsumerRecord<byte[], byte[]>> records) {
    List<ConsumerRecord<byte[], byte[]>> expanded = new ArrayList<>(records.size() * 16);
    for (ConsumerRecord<byte[], byte[]> record : records) {
      Header format = record.headers().lastHeader(FORMAT_HEADER);
      if (format == null || record.value() == null) {
        expanded.add(record);
        continue;
      }
      Decoded decoded = decode(record.value());
      for (byte[] key : decoded.keys()) {
        byte[] storeKey = WindowKeySchema.toStoreKeyBinary(Bytes.wrap(key), decoded.timestamp(), nextRestoreSeqnum()).get();
        expanded.add(
            new ConsumerRecord<>(
                record.topic(),
                record.partition(),
                record.offset(),
                record.timestamp(),
                record.timestampType(),
                storeKey.length,
                decoded.entry().length,
                storeKey,
                decoded.entry(),
                record.headers(),
                Optional.empty()));
      }
    }
    return expanded;
  }

  private int nextRestoreSeqnum() {
    int seqnum = restoreSeqnum;
    restoreSeqnum = restoreSeqnum == Integer.MAX_VALUE ? RESTORE_SEQNUM_BASE : restoreSeqnum + 1;
    return seqnum;
  }

  /** The changelog key: eventId, articleId and time, so that no two articles' records share one. */
  static byte[] changelogKey(NearEntry entry, long timestamp) {
    byte[] id = (entry.eventId() + '\n' + entry.articleId()).getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(id.length + Long.BYTES).put(id).putLong(timestamp).array();
  }

  /** version, timestamp, key count, each key (length, UTF-8), then the serialised entry. */
  static byte[] changelogValue(List<String> keys, byte[] entry, long timestamp) {
    List<byte[]> encoded = new ArrayList<>(keys.size());
    int size = 1 + Long.BYTES + Integer.BYTES + entry.length;
    for (String key : keys) {
      byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
      encoded.add(bytes);
      size += Integer.BYTES + bytes.length;
    }
    ByteBuffer buffer = ByteBuffer.allocate(size).put(FORMAT_VERSION).putLong(timestamp).putInt(encoded.size());
    for (byte[] bytes : encoded) {
      buffer.putInt(bytes.length).put(bytes);
    }
    return buffer.put(entry).array();
  }

  /** A changelog value read back: the keys (UTF-8), the time and the serialised entry. */
  record Decoded(List<byte[]> keys, long timestamp, byte[] entry) {}

  static Decoded decode(byte[] value) {
    ByteBuffer buffer = ByteBuffer.wrap(value);
    byte version = buffer.get();
    if (version != FORMAT_VERSION) {
      throw new StreamsException("Unknown record format " + version + " in the changelog of " + TextKeyProcessor.STORE);
    }
    long timestamp = buffer.getLong();
    int count = buffer.getInt();
    List<byte[]> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] key = new byte[buffer.getInt()];
      buffer.get(key);
      keys.add(key);
    }
    byte[] entry = new byte[buffer.remaining()];
    buffer.get(entry);
    return new Decoded(keys, timestamp, entry);
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  @SuppressWarnings("deprecation")
  public void flush() {
    inner.flush();
  }

  @Override
  public void commit(Map<TopicPartition, Long> changelogOffsets) {
    inner.commit(changelogOffsets);
  }

  @Override
  @SuppressWarnings("deprecation")
  public boolean managesOffsets() {
    return inner.managesOffsets();
  }

  @Override
  public Long committedOffset(TopicPartition partition) {
    return inner.committedOffset(partition);
  }

  @Override
  public void close() {
    inner.close();
  }

  @Override
  public boolean persistent() {
    return inner.persistent();
  }

  @Override
  public boolean isOpen() {
    return inner.isOpen();
  }

  @Override
  public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
    return inner.query(query, positionBound, config);
  }

  @Override
  public Position getPosition() {
    return inner.getPosition();
  }
}
