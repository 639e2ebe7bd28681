package io.newsstream.processor.dedup;

import io.newsstream.processor.dedup.DedupState.ContentOwner;
import io.newsstream.schemas.avro.DuplicateKind;
import io.newsstream.schemas.avro.EnrichedArticle;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * SAME_CONTENT: the same cleaned text under another canonical URL (syndication) is dropped as a
 * duplicate of the first article that had it. Input is keyed by content hash. Store: content
 * hash to its first article.
 */
public final class ContentDedupProcessor extends DedupProcessor<ContentOwner> {

  public static final String STORE = "dedup-content-store";

  public ContentDedupProcessor(DedupSettings settings) {
    super(settings, STORE);
  }

  @Override
  void decide(FixedKeyRecord<String, EnrichedArticle> record) {
    EnrichedArticle article = record.value();
    long ts = record.timestamp();
    ContentOwner owner = firstWithinRetention(article.getContentHash(), ts);
    if (owner == null) {
      store.put(article.getContentHash(), new ContentOwner(article.getArticleId(), article.getEventId()), ts);
    } else if (!owner.articleId().equals(article.getArticleId())) {
      duplicate(record, owner.articleId(), owner.eventId(), DuplicateKind.SAME_CONTENT, null, true);
      return;
    }
    pass(record);
  }
}
