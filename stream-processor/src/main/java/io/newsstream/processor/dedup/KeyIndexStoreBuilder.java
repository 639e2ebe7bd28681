package io.newsstream.processor.dedup;

import io.newsstream.processor.dedup.DedupState.NearEntry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/**
 * Builds the {@link KeyIndexStore}: the entries in a window store from {@code supplier} (which
 * must keep duplicates) without changelog or cache, and the article-per-record changelog when
 * logging is on (the default). Kafka Streams sees a key-value-like store and would make its
 * changelog compacted only; its records are one per article and never overwritten, so the
 * changelog is made {@code compact,delete} with the retention of the window store plus a day, as
 * Kafka Streams does for a window store's changelog.
 */
public final class KeyIndexStoreBuilder implements StoreBuilder<KeyIndexStore> {

  /** What Kafka Streams adds to a window store changelog's retention by default ({@code windowstore.changelog.additional.retention.ms}). */
  static final Duration ADDITIONAL_RETENTION = Duration.ofDays(1);

  private final WindowBytesStoreSupplier supplier;
  private final Serde<NearEntry> valueSerde;
  private boolean logged = true;
  private final Map<String, String> logConfig = new HashMap<>();

  public KeyIndexStoreBuilder(WindowBytesStoreSupplier supplier, Serde<NearEntry> valueSerde) {
    if (!supplier.retainDuplicates()) {
      throw new IllegalArgumentException("the index keeps every article under a key: its window store must retain duplicates");
    }
    this.supplier = supplier;
    this.valueSerde = valueSerde;
  }

  /** Caching would fold nothing: every entry is written once. */
  @Override
  public StoreBuilder<KeyIndexStore> withCachingEnabled() {
    throw new UnsupportedOperationException("the text-key index has no cache");
  }

  @Override
  public StoreBuilder<KeyIndexStore> withCachingDisabled() {
    return this;
  }

  @Override
  public StoreBuilder<KeyIndexStore> withLoggingEnabled(Map<String, String> config) {
    logged = true;
    logConfig.clear();
    logConfig.putAll(config);
    return this;
  }

  @Override
  public StoreBuilder<KeyIndexStore> withLoggingDisabled() {
    logged = false;
    logConfig.clear();
    return this;
  }

  @Override
  public KeyIndexStore build() {
    return new KeyIndexStore(
        Stores.windowStoreBuilder(supplier, Serdes.String(), valueSerde).withLoggingDisabled().withCachingDisabled().build(),
        valueSerde,
        logged);
  }

  @Override
  public Map<String, String> logConfig() {
    Map<String, String> config = new HashMap<>();
    config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE);
    config.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(supplier.retentionPeriod() + ADDITIONAL_RETENTION.toMillis()));
    config.putAll(logConfig);
    return config;
  }

  @Override
  public boolean loggingEnabled() {
    return logged;
  }

  @Override
  public String name() {
    return supplier.name();
  }
}
