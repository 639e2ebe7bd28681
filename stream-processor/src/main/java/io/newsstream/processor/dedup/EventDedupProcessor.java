package io.newsstream.processor.dedup;

import io.newsstream.processor.stage.Outcome;
import io.newsstream.schemas.avro.DuplicateKind;
import io.newsstream.schemas.avro.EnrichedArticle;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * SAME_EVENT: drops a submission whose eventId was seen within the retention (a client retry).
 * Input is keyed by eventId, so every copy of an event meets here. Store: eventId to the
 * articleId of its first submission.
 */
public final class EventDedupProcessor extends DedupProcessor {

  public static final String STORE = "dedup-event-store";

  private WindowStore<String, String> store;

  public EventDedupProcessor(DedupSettings settings) {
    super(settings);
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Outcome<EnrichedArticle>> context) {
    super.init(context);
    store = context.getStateStore(STORE);
  }

  @Override
  void decide(FixedKeyRecord<String, EnrichedArticle> record) {
    EnrichedArticle article = record.value();
    long ts = record.timestamp();
    String firstArticleId = null;
    try (WindowStoreIterator<String> seen = store.fetch(article.getEventId(), settings.from(ts), settings.to(ts))) {
      if (seen.hasNext()) {
        firstArticleId = seen.next().value;
      }
    }
    if (firstArticleId != null) {
      duplicate(record, firstArticleId, article.getEventId(), DuplicateKind.SAME_EVENT, null, true);
      return;
    }
    store.put(article.getEventId(), article.getArticleId(), ts);
    pass(record);
  }
}
