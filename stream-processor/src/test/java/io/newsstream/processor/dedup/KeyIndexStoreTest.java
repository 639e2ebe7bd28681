package io.newsstream.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.processor.dedup.DedupState.NearEntry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.internals.RecordBatchingStateRestoreCallback;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.internals.WindowKeySchema;
import org.junit.jupiter.api.Test;

/** The index's changelog format (one record per article) and its expansion on restore. */
class KeyIndexStoreTest {

  private static final Duration RETENTION = Duration.ofDays(1);
  private static final NearEntry ENTRY = new NearEntry("a1", "e1", 0xf0f0L, DedupState.UNKNOWN_TIME, ContainmentSketch.EMPTY);
  private static final byte[] ENTRY_BYTES = DedupSerdes.nearEntry().serializer().serialize(null, ENTRY);

  private static KeyIndexStoreBuilder builder() {
    return new KeyIndexStoreBuilder(Stores.inMemoryWindowStore("index", RETENTION, RETENTION, true), DedupSerdes.nearEntry());
  }

  private static ConsumerRecord<byte[], byte[]> record(byte[] key, byte[] value, boolean formatHeader, long offset) {
    RecordHeaders headers = new RecordHeaders();
    if (formatHeader) {
      headers.add(KeyIndexStore.FORMAT_HEADER, new byte[] {KeyIndexStore.FORMAT_VERSION});
    }
    return new ConsumerRecord<>(
        "app-index-changelog", 0, offset, 5_000L, TimestampType.CREATE_TIME, key.length, value.length, key, value, headers, Optional.empty());
  }

  private static ConsumerRecord<byte[], byte[]> articleRecord(List<String> keys, NearEntry entry, long timestamp, long offset) {
    byte[] entryBytes = DedupSerdes.nearEntry().serializer().serialize(null, entry);
    return record(KeyIndexStore.changelogKey(entry, timestamp), KeyIndexStore.changelogValue(keys, entryBytes, timestamp), true, offset);
  }

  @Test
  void shouldReadBackTheKeysTheTimeAndTheEntryOfARecord() {
    // when
    byte[] value = KeyIndexStore.changelogValue(List.of("h:abc", "0:f0f0", "c:01-02"), ENTRY_BYTES, 1_234L);
    KeyIndexStore.Decoded decoded = KeyIndexStore.decode(value);

    // then
    assertThat(decoded.keys()).extracting(k -> new String(k, StandardCharsets.UTF_8)).containsExactly("h:abc", "0:f0f0", "c:01-02");
    assertThat(decoded.timestamp()).isEqualTo(1_234L);
    assertThat(DedupSerdes.nearEntry().deserializer().deserialize(null, decoded.entry())).isEqualTo(ENTRY);
  }

  @Test
  void shouldRefuseARecordOfAnUnknownFormatVersion() {
    byte[] value = KeyIndexStore.changelogValue(List.of("h:abc"), ENTRY_BYTES, 1L);
    value[0] = 9;
    assertThatThrownBy(() -> KeyIndexStore.decode(value)).hasMessageContaining("Unknown record format 9");
  }

  @Test
  void shouldExpandAnArticleRecordIntoOneWindowStoreRecordPerKeyAndPassOldRecordsOn() {
    // given: a record of this format, and one as a window store logs an entry (no header)
    KeyIndexStore store = builder().withLoggingDisabled().build();
    byte[] oldKey = WindowKeySchema.toStoreKeyBinary(org.apache.kafka.common.utils.Bytes.wrap("h:old".getBytes(StandardCharsets.UTF_8)), 900L, 7).get();
    ConsumerRecord<byte[], byte[]> old = record(oldKey, ENTRY_BYTES, false, 1L);

    // when
    List<ConsumerRecord<byte[], byte[]>> expanded =
        store.expand(List.of(articleRecord(List.of("h:abc", "0:f0f0", "c:01-02"), ENTRY, 1_000L, 0L), old));

    // then (a window store's key: the key's bytes, 8 bytes of time, 4 of sequence number): three entries at the article's time, with distinct sequence numbers, then the old one as it was
    assertThat(expanded).hasSize(4);
    assertThat(expanded.subList(0, 3))
        .extracting(r -> new String(java.util.Arrays.copyOf(r.key(), r.key().length - 12), StandardCharsets.UTF_8))
        .containsExactly("h:abc", "0:f0f0", "c:01-02");
    assertThat(expanded.subList(0, 3)).extracting(r -> java.nio.ByteBuffer.wrap(r.key()).getLong(r.key().length - 12)).containsOnly(1_000L);
    assertThat(expanded.subList(0, 3))
        .extracting(r -> java.nio.ByteBuffer.wrap(r.key()).getInt(r.key().length - 4))
        .doesNotHaveDuplicates()
        .allMatch(seq -> seq >= KeyIndexStore.RESTORE_SEQNUM_BASE);
    assertThat(expanded.subList(0, 3)).extracting(ConsumerRecord::value).containsOnly(ENTRY_BYTES);
    assertThat(expanded.subList(0, 3)).extracting(ConsumerRecord::offset).containsOnly(0L);
    assertThat(expanded.get(3)).isSameAs(old);
  }

  @Test
  void shouldRestoreEveryKeyOfEveryArticleIntoTheEntriesThroughTheCallbackItRegisters() throws Exception {
    // given: the store initialised on a context that keeps the callback registered for it
    MockProcessorContext<Object, Object> mock = new MockProcessorContext<>();
    AtomicReference<StateRestoreCallback> registered = new AtomicReference<>();
    StateStoreContext context = capturingRegistration(mock.getStateStoreContext(), registered);
    KeyIndexStore store = builder().withLoggingDisabled().build();
    store.init(context, store);
    NearEntry other = new NearEntry("a2", "e2", 0x0fL, 77L, ContainmentSketch.EMPTY);
    byte[] oldKey = WindowKeySchema.toStoreKeyBinary(org.apache.kafka.common.utils.Bytes.wrap("h:old".getBytes(StandardCharsets.UTF_8)), 900L, 3).get();

    // when: two articles under a shared key at the same time, and an entry of the old format
    List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
    batch.add(articleRecord(List.of("h:abc", "0:f0f0"), ENTRY, 1_000L, 0L));
    batch.add(articleRecord(List.of("h:xyz", "0:f0f0"), other, 1_000L, 1L));
    batch.add(record(oldKey, ENTRY_BYTES, false, 2L));
    assertThat(registered.get()).isInstanceOf(RecordBatchingStateRestoreCallback.class);
    ((RecordBatchingStateRestoreCallback) registered.get()).restoreBatch(batch);

    // then: each article under each of its keys, both under the shared one
    WindowStore<String, NearEntry> entries = store.windowStore();
    assertThat(values(entries, "h:abc")).containsExactly(ENTRY);
    assertThat(values(entries, "h:xyz")).containsExactly(other);
    assertThat(values(entries, "0:f0f0")).containsExactlyInAnyOrder(ENTRY, other);
    assertThat(values(entries, "h:old")).containsExactly(ENTRY);
    store.close();
  }

  @Test
  void shouldGiveItsChangelogTheRetentionOfAWindowStoresAndDeleteOldRecords() {
    var config = builder().logConfig();
    assertThat(config)
        .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete")
        .containsEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(RETENTION.plusDays(1).toMillis()));
    assertThat(builder().loggingEnabled()).isTrue();
    assertThat(builder().withLoggingDisabled().loggingEnabled()).isFalse();
  }

  @Test
  void shouldRefuseAWindowStoreThatKeepsOneEntryPerKeyAndTime() {
    assertThatThrownBy(
            () -> new KeyIndexStoreBuilder(Stores.inMemoryWindowStore("index", RETENTION, RETENTION, false), DedupSerdes.nearEntry()))
        .hasMessageContaining("retain duplicates");
  }

  private static List<NearEntry> values(WindowStore<String, NearEntry> store, String key) {
    List<NearEntry> values = new ArrayList<>();
    try (var it = store.fetch(key, 0L, 10_000L)) {
      it.forEachRemaining(kv -> values.add(kv.value));
    }
    return values;
  }

  /** {@code context}, keeping the restore callback a store registers with it. */
  private static StateStoreContext capturingRegistration(StateStoreContext context, AtomicReference<StateRestoreCallback> registered) {
    return (StateStoreContext)
        Proxy.newProxyInstance(
            KeyIndexStoreTest.class.getClassLoader(),
            interfaces(context.getClass()).toArray(Class<?>[]::new),
            (proxy, method, args) -> {
              if (method.getName().equals("register")) {
                registered.set((StateRestoreCallback) args[1]);
              }
              try {
                return method.invoke(context, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** Every interface {@code type} implements (the mock's context is also Kafka Streams' internal one). */
  private static java.util.Set<Class<?>> interfaces(Class<?> type) {
    java.util.Set<Class<?>> all = new java.util.LinkedHashSet<>();
    java.util.ArrayDeque<Class<?>> todo = new java.util.ArrayDeque<>();
    for (Class<?> t = type; t != null; t = t.getSuperclass()) {
      todo.addAll(List.of(t.getInterfaces()));
    }
    while (!todo.isEmpty()) {
      Class<?> next = todo.pop();
      if (all.add(next)) {
        todo.addAll(List.of(next.getInterfaces()));
      }
    }
    return all;
  }
}
