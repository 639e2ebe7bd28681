package io.newsstream.processor.dedup;

import io.newsstream.processor.config.ProcessorConfig.NearDuplicateMode;
import io.newsstream.processor.dedup.DedupState.NearCheck;
import io.newsstream.processor.dedup.DedupState.Revision;
import io.newsstream.processor.dedup.DedupState.UrlHistory;
import io.newsstream.processor.stage.Outcome;
import io.newsstream.processor.stage.Stage;
import io.newsstream.schemas.avro.DuplicateKind;
import io.newsstream.schemas.avro.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SAME_CONTENT and NEAR_DUPLICATE, the decision: at the article's home partition, where {@link
 * TextProbeProcessor} parked the article under its eventId, the verdicts of the text-key
 * partitions that own its keys arrive (keyed by the home partition's number; the verdict names
 * the eventId). Merges them into the pending entry until every verdict it expects has arrived,
 * then takes the article out and emits it, or reports it as a duplicate of the first article with the
 * same content (always dropped) or else as a near-duplicate of the closest match (dropped or
 * flagged by configuration). Every decided article is passed on with the text-key partitions
 * that hold its keys, which the topology tells what became of it ({@link DecisionIndexProcessor});
 * only an emitted one goes on to the output. A dropped article is also taken out of its URL's
 * history ({@link UrlDedupProcessor#forget}), so that nothing later names it and the revisions
 * after it move down a number. A pending entry and its article live only until the last verdict
 * arrives.
 *
 * <p>Revisions of one URL are decided in their order: a revision whose verdicts are complete
 * while the one before it still waits for its own is held (its entry stays, complete, and the
 * {@link #HELD_STORE} names it under the revision it waits for) and decided right after that one.
 * The verdicts of two revisions come from different text-key partitions, so without this a
 * revision could reach consumers before the one it follows (they upsert by articleId and would
 * keep the older), or be numbered after one that is dropped afterwards. A revision is emitted
 * under its number in the URL's history at the time it is decided, so revisions dropped before it
 * leave no gap. All revisions of a URL share its home partition, so this is one task's state.
 */
public final class NearDecisionProcessor
    extends ContextualFixedKeyProcessor<String, NearCheck, Outcome<Decided>> {

  public static final String STORE = "dedup-near-pending-store";
  /** The articles waiting for their verdicts, by eventId. */
  public static final String ARTICLE_STORE = "dedup-near-article-store";
  /**
   * Revisions decided but held: under the eventId of the revision each waits for, its timestamp
   * and eventId ({@code <timestamp>:<eventId>}).
   */
  public static final String HELD_STORE = "dedup-near-held-store";
  private static final Logger LOG = LoggerFactory.getLogger(NearDecisionProcessor.class);

  private final DedupSettings settings;
  private KeyValueStore<String, NearCheck> pending;
  private KeyValueStore<String, EnrichedArticle> articles;
  private KeyValueStore<String, String> held;
  private WindowStore<String, UrlHistory> urls;

  public NearDecisionProcessor(DedupSettings settings) {
    this.settings = settings;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Outcome<Decided>> context) {
    super.init(context);
    pending = context.getStateStore(STORE);
    articles = context.getStateStore(ARTICLE_STORE);
    held = context.getStateStore(HELD_STORE);
    urls = context.getStateStore(UrlDedupProcessor.STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, NearCheck> record) {
    NearCheck verdict = record.value();
    String eventId = verdict.eventId();
    NearCheck before = pending.get(eventId);
    if (before == null) {
      // The waiting entry is written before the probes are sent and removed with the decision,
      // so only a verdict repeated after its article was decided gets here (probes processed
      // again after a crash under at_least_once). Kept, it would wait forever.
      LOG.debug("Verdict for event {} (article {}) after its article was decided; ignored", eventId, verdict.articleId());
      return;
    }
    NearCheck merged = before.merge(verdict);
    if (!merged.complete()) {
      pending.put(eventId, merged);
      return;
    }
    // A null value deletes; delete() would first read the entry back to return it.
    pending.put(eventId, null);
    // delete() returns what it removes: one lookup and one decoding of the article, not two.
    EnrichedArticle article = articles.delete(eventId);
    if (article == null) {
      // Only lost state gets here: the article was parked in the same task before its probes
      // were sent, and both stores are restored from their changelogs.
      settings.metrics().failed(Stage.DEDUP);
      LOG.error("Near-duplicate verdicts for event {} (article {}) are complete but the article is not in {}; it cannot be emitted",
          eventId, merged.articleId(), ARTICLE_STORE);
      return;
    }
    if (article.getRevision() >= 2) {
      RevisionPlace place = RevisionPlace.of(urls, settings, article, record.timestamp());
      if (place.previous() != null && pending.get(place.previous()) != null) {
        // The revision before it is still undecided: decided right after it.
        pending.put(eventId, merged);
        articles.put(eventId, article);
        held.put(place.previous(), record.timestamp() + ":" + eventId);
        return;
      }
      article.setRevision(place.revision());
    }
    decide(record, merged, article);
    releaseHeldAfter(record, eventId);
  }

  /** Decides, in turn, the revisions held for {@code eventId}, just decided, and for each of them. */
  private void releaseHeldAfter(FixedKeyRecord<String, NearCheck> record, String eventId) {
    String next = held.get(eventId);
    while (next != null) {
      held.put(eventId, null);
      int colon = next.indexOf(':');
      long timestamp = Long.parseLong(next, 0, colon, 10);
      eventId = next.substring(colon + 1);
      NearCheck check = pending.get(eventId);
      EnrichedArticle article = articles.delete(eventId);
      pending.put(eventId, null);
      if (check == null || article == null) {
        settings.metrics().failed(Stage.DEDUP);
        LOG.error("Revision of event {} was held for its previous revision but is no longer in {}; it cannot be emitted",
            eventId, ARTICLE_STORE);
        return;
      }
      FixedKeyRecord<String, NearCheck> heldRecord = record.withValue(check).withTimestamp(timestamp);
      article.setRevision(RevisionPlace.of(urls, settings, article, timestamp).revision());
      decide(heldRecord, check, article);
      next = held.get(eventId);
    }
  }

  private void decide(FixedKeyRecord<String, NearCheck> record, NearCheck merged, EnrichedArticle article) {
    String eventId = merged.eventId();
    if (merged.hasMatch()) {
      // The same event or content under another URL is always dropped; a near text as configured.
      boolean drop = merged.exact() || settings.nearMode() == NearDuplicateMode.DROP;
      DuplicateKind kind =
          merged.sameEvent()
              ? DuplicateKind.SAME_EVENT
              : merged.exact() ? DuplicateKind.SAME_CONTENT : DuplicateKind.NEAR_DUPLICATE;
      settings.metrics().duplicate(kind, drop);
      context()
          .forward(
              record.withValue(
                  Outcome.duplicate(
                      Duplicates.report(
                          article,
                          merged.matchArticleId(),
                          merged.matchEventId(),
                          kind,
                          merged.exact() ? null : merged.matchDistance(),
                          settings.clock().instant()))));
      if (drop) {
        UrlDedupProcessor.forget(urls, settings, article.getArticleId(), eventId, record.timestamp());
        context().forward(record.withValue(Outcome.pass(new Decided(article, owners(merged), false))));
        return;
      }
    }
    context().forward(record.withValue(Outcome.pass(new Decided(article, owners(merged), true))));
  }

  /**
   * Where a revision stands in its URL's history now: its number there (the revisions dropped
   * before it taken out) and the eventId of the revision before it, null for the first. A revision
   * the history no longer holds (past its limit or retention) keeps its number and waits for
   * nothing.
   */
  record RevisionPlace(int revision, String previous) {

    static RevisionPlace of(WindowStore<String, UrlHistory> urls, DedupSettings settings, EnrichedArticle article, long ts) {
      String eventId = article.getEventId();
      List<Revision> revisions = new ArrayList<>();
      try (WindowStoreIterator<UrlHistory> it = urls.fetch(article.getArticleId(), settings.from(ts), settings.to(ts))) {
        while (it.hasNext()) {
          revisions.addAll(it.next().value.revisions());
        }
      }
      int number = -1;
      for (Revision r : revisions) {
        if (r.eventId().equals(eventId)) {
          number = r.revision();
        }
      }
      if (number < 0) {
        return new RevisionPlace(article.getRevision(), null);
      }
      int previousNumber = 0;
      String previous = null;
      for (Revision r : revisions) {
        if (r.revision() < number && r.revision() > previousNumber) {
          previousNumber = r.revision();
          previous = r.eventId();
        }
      }
      return new RevisionPlace(number, previous);
    }
  }

  /** The text-key partitions that hold the article's keys: the bits of the verdicts it waited for. */
  private static long owners(NearCheck merged) {
    return merged.expected() & ~NearCheck.ARTICLE_BIT;
  }
}
