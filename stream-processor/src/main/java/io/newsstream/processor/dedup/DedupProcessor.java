package io.newsstream.processor.dedup;

import io.newsstream.processor.stage.Outcome;
import io.newsstream.processor.stage.Stage;
import io.newsstream.schemas.avro.DuplicateKind;
import io.newsstream.schemas.avro.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Base of the exact dedup steps: one article in, a pass or a duplicate report out, and any
 * failure of the decision handed to the failure handler (store failures are infrastructure and
 * propagate, so the task is retried rather than the record skipped).
 */
abstract class DedupProcessor extends ContextualFixedKeyProcessor<String, EnrichedArticle, Outcome<EnrichedArticle>> {

  protected final DedupSettings settings;

  DedupProcessor(DedupSettings settings) {
    this.settings = settings;
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
