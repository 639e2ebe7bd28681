package io.newsstream.processor.dedup;

import io.newsstream.processor.stage.Outcome;
import io.newsstream.processor.stage.Stage;
import io.newsstream.schemas.avro.DuplicateKind;
import io.newsstream.schemas.avro.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Base of the exact dedup steps: one article in, a pass or a duplicate report out, and any
 * failure of the decision handed to the failure handler (store failures are infrastructure and
 * propagate, so the task is retried rather than the record skipped). Each step keeps its
 * state in one window store of values {@code V}, named by the subclass.
 */
abstract class DedupProcessor<V> extends ContextualFixedKeyProcessor<String, EnrichedArticle, Outcome<EnrichedArticle>> {

  protected final DedupSettings settings;
  private final String storeName;
  /** The step's store, through its key filter. */
  protected FilteredWindowStore<V> store;

  DedupProcessor(DedupSettings settings, String storeName) {
    this.settings = settings;
    this.storeName = storeName;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Outcome<EnrichedArticle>> context) {
    super.init(context);
    if (store != null) {
      store.close(); // initialised again after an error: the store was restored anew
    }
    store = FilteredWindowStore.open(context, storeName, settings);
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }

  /** The value stored under {@code key} earliest within the retention around {@code ts}, or null. */
  V firstWithinRetention(String key, long ts) {
    try (WindowStoreIterator<V> it = store.fetch(key, settings.from(ts), settings.to(ts))) {
      return it.hasNext() ? it.next().value : null;
    }
  }

  @Override
  public final void process(FixedKeyRecord<String, EnrichedArticle> record) {
    try {
      decide(record);
    } catch (StreamsException e) {
      throw e;
    } catch (RuntimeException e) {
      byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
      byte[] value = record.value() == null ? null : DedupSerdes.article().write(record.value());
      settings
          .failures()
          .<EnrichedArticle>onFailure(Stage.DEDUP, context().recordMetadata(), key, value, e)
          .ifPresent(dead -> context().forward(record.withValue(dead)));
    }
  }

  abstract void decide(FixedKeyRecord<String, EnrichedArticle> record);

  void pass(FixedKeyRecord<String, EnrichedArticle> record) {
    context().forward(record.withValue(Outcome.pass(record.value())));
  }

  void duplicate(
      FixedKeyRecord<String, EnrichedArticle> record,
      String duplicateOf,
      String duplicateOfEventId,
      DuplicateKind kind,
      Integer distance,
      boolean dropped) {
    settings.metrics().duplicate(kind, dropped);
    context()
        .forward(
            record.withValue(
                Outcome.duplicate(
                    Duplicates.report(
                        record.value(), duplicateOf, duplicateOfEventId, kind, distance, settings.clock().instant()))));
  }
}
