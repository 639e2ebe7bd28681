package io.newsstream.processor.dedup;

import io.newsstream.processor.config.ProcessorConfig.NearDuplicateMode;
import io.newsstream.processor.dedup.DedupState.Revision;
import io.newsstream.processor.dedup.DedupState.UrlHistory;
import io.newsstream.schemas.avro.DuplicateKind;
import io.newsstream.schemas.avro.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Same canonical URL (input keyed by articleId). Content seen before under this URL:
 * SAME_URL_SAME_CONTENT, dropped. A light edit of the latest revision: NEAR_DUPLICATE, dropped or
 * flagged by configuration, unless its title announces a {@link Corrections correction}.
 * Otherwise a real change: emitted as revision n+1 (n = latest revision remembered).
 *
 * <p>A light edit changes, adds or removes at most {@link DedupSettings#lightEditMaxWords} words
 * of the title and body and none of their numbers, by the {@link WordProfile}s of the two versions
 * (a headline's typo fixed is one, a new headline a revision). Edits are measured against the
 * latest revision emitted, so light edits that add up to more make the next revision. A SimHash
 * distance says little here: on a 430-word article one word changed moved the SimHash 4 bits and
 * a paragraph added 2. Only a revision stored before profiles were is compared by its SimHash
 * (within the near-duplicate distance).
 * Store: articleId to its last {@value DedupState#URL_HISTORY_LIMIT} revisions.
 */
public final class UrlDedupProcessor extends DedupProcessor<UrlHistory> {

  public static final String STORE = "dedup-url-store";

  public UrlDedupProcessor(DedupSettings settings) {
    super(settings, STORE);
  }

  /**
   * Takes the revision of {@code eventId}, dropped by a later step as a duplicate under another
   * URL, out of its URL's history (every stored version of it within the retention of {@code
   * ts}, the article's timestamp). The same text posted again under the URL is then judged as
   * new, and so names what consumers have, and the next real change gets the revision number
   * after the last one emitted. Called in the same task as {@link #decide}, on the same store,
   * past its key filter: it only rewrites or deletes entries of a key already there, so the
   * filter's "no" stays certain.
   */
  static void forget(WindowStore<String, UrlHistory> store, DedupSettings settings, String articleId, String eventId, long ts) {
    List<KeyValue<Long, UrlHistory>> rewrites = new ArrayList<>(2);
    try (WindowStoreIterator<UrlHistory> it = store.fetch(articleId, settings.from(ts), settings.to(ts))) {
      while (it.hasNext()) {
        KeyValue<Long, UrlHistory> next = it.next();
        UrlHistory without = next.value.without(eventId);
        if (without != next.value) {
          rewrites.add(KeyValue.pair(next.key, without));
        }
      }
    }
    for (KeyValue<Long, UrlHistory> rewrite : rewrites) {
      store.put(articleId, rewrite.value, rewrite.key); // null deletes a history of that revision only
    }
  }

  @Override
  void decide(FixedKeyRecord<String, EnrichedArticle> record) {
    EnrichedArticle article = record.value();
    long ts = record.timestamp();
    UrlHistory history = null;
    try (WindowStoreIterator<UrlHistory> it = store.fetch(article.getArticleId(), settings.from(ts), settings.to(ts))) {
      while (it.hasNext()) {
        KeyValue<Long, UrlHistory> next = it.next();
        if (history == null || next.value.latest().revision() > history.latest().revision()) {
          history = next.value;
        }
      }
    }
    WordProfile words = WordProfile.of(article.getTitle(), article.getBody());
    Revision current = new Revision(1, article.getContentHash(), article.getSimhash(), article.getEventId(), words);
    if (history == null) {
      store.put(article.getArticleId(), UrlHistory.first(current), ts);
      pass(record);
      return;
    }
    Revision sameContent = history.withContent(article.getContentHash());
    if (sameContent != null) {
      duplicate(record, article.getArticleId(), sameContent.eventId(), DuplicateKind.SAME_URL_SAME_CONTENT, null, true);
      return;
    }
    Revision latest = history.latest();
    int distance = SimHashBlocks.distance(latest.simhash(), article.getSimhash());
    boolean lightEdit =
        latest.words() != null
            ? latest.words().sameNumbers(words) && latest.words().wordsChanged(words) <= settings.lightEditMaxWords()
            : distance <= settings.nearDistance();
    if (settings.nearMode() != NearDuplicateMode.OFF && lightEdit && !Corrections.isCorrection(article.getTitle())) {
      boolean drop = settings.nearMode() == NearDuplicateMode.DROP;
      duplicate(record, article.getArticleId(), latest.eventId(), DuplicateKind.NEAR_DUPLICATE, distance, drop);
      if (drop) {
        return;
      }
    }
    int revision = latest.revision() + 1;
    store.put(
        article.getArticleId(),
        history.plus(new Revision(revision, article.getContentHash(), article.getSimhash(), article.getEventId(), words)),
        ts);
    article.setRevision(revision);
    settings.metrics().revision();
    pass(record);
  }
}
