package io.newsstream.processor.dedup;

import io.newsstream.processor.dedup.DedupState.ContentOwner;
import io.newsstream.processor.stage.Outcome;
import io.newsstream.schemas.avro.DuplicateKind;
import io.newsstream.schemas.avro.EnrichedArticle;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * SAME_CONTENT: the same cleaned text under another canonical URL (syndication) is dropped as a
 * duplicate of the first article that had it. Input is keyed by content hash. Store: content
 * hash to its first article.
 */
public final class ContentDedupProcessor extends DedupProcessor {

  public static final String STORE = "dedup-content-store";

  private WindowStore<String, ContentOwner> store;

  public ContentDedupProcessor(DedupSettings settings) {
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
    ContentOwner owner = null;
    try (WindowStoreIterator<ContentOwner> it = store.fetch(article.getContentHash(), settings.from(ts), settings.to(ts))) {
      if (it.hasNext()) {
        owner = it.next().value;
      }
    }
    if (owner == null) {
      store.put(article.getContentHash(), new ContentOwner(article.getArticleId(), article.getEventId()), ts);
    } else if (!owner.articleId().equals(article.getArticleId())) {
      duplicate(record, owner.articleId(), owner.eventId(), DuplicateKind.SAME_CONTENT, null, true);
      return;
    }
    pass(record);
  }
}
