package io.newsstream.processor.dedup;

import io.newsstream.schemas.avro.DuplicateKind;
import io.newsstream.schemas.avro.EnrichedArticle;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * SAME_EVENT: drops a submission whose eventId was seen within the retention (a client retry).
 * Input is keyed by eventId, so every copy of an event meets here. Store: eventId to the
 * articleId of its first submission.
 */
public final class EventDedupProcessor extends DedupProcessor<String> {

  public static final String STORE = "dedup-event-store";

  public EventDedupProcessor(DedupSettings settings) {
    super(settings, STORE);
  }

  @Override
  void decide(FixedKeyRecord<String, EnrichedArticle> record) {
    EnrichedArticle article = record.value();
    long ts = record.timestamp();
    String firstArticleId = firstWithinRetention(article.getEventId(), ts);
    if (firstArticleId != null) {
      duplicate(record, firstArticleId, article.getEventId(), DuplicateKind.SAME_EVENT, null, true);
      return;
    }
    store.put(article.getEventId(), article.getArticleId(), ts);
    pass(record);
  }
}
