package io.newsstream.processor.dedup;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Remembers, in a text-key partition, what became of the articles indexed there: input is keyed
 * by the partition's number, the value is the articleId ({@link Decided#notice()}: prefixed with
 * {@value #DROPPED_NOTICE} when the article was dropped), the timestamp the article's. {@link
 * TextKeyProcessor} reads it twice:
 *
 * <ul>
 *   <li>for a near or same text that came later by timestamp but was checked first and emitted:
 *       the case of a backlog, when the tasks of {@code articles.raw} progress unevenly and a copy
 *       reaches this step before its original. Naming the emitted copy keeps one of the two on
 *       the output; naming an article that may yet be dropped could lose both.
 *   <li>for an earlier match that was dropped: it is passed over, so that a later copy names an
 *       article consumers have (the one the dropped article was compared with is indexed under
 *       the same keys) instead of one that never reached them.
 * </ul>
 *
 * <p>An article checked before the notice of its match arrives still names the match, whatever
 * becomes of it: both waited out the reorder window here, so that is one that arrived within
 * about the notice's two hops (verdict home, notice back: two commit intervals) of its match.
 */
public final class DecisionIndexProcessor extends ContextualProcessor<String, String, Void, Void> {

  /** Named from when it held emitted articles only; the name stays, as does its changelog's. */
  public static final String STORE = "dedup-text-emitted-store";
  /** The notice of a dropped article: this, then its articleId. Notices without it are of emitted articles. */
  public static final String DROPPED_NOTICE = "dropped:";
  /** What the store holds for an emitted article (stores written before drops were told hold it too). */
  private static final String EMITTED_VALUE = "";
  private static final String DROPPED_VALUE = "dropped";

  private WindowStore<String, String> decided;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    super.init(context);
    decided = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, String> record) {
    String notice = record.value();
    if (notice.startsWith(DROPPED_NOTICE)) {
      decided.put(notice.substring(DROPPED_NOTICE.length()), DROPPED_VALUE, record.timestamp());
    } else {
      decided.put(notice, EMITTED_VALUE, record.timestamp());
    }
  }

  /** What became of an article indexed here, as far as this partition was told. */
  enum Decision {
    EMITTED,
    DROPPED,
    /** No notice yet: the decision on it has not been made, or has not reached this partition. */
    PENDING;

    /** The decision on the article indexed at {@code time}, by this step's {@code store}. */
    static Decision of(WindowStore<String, String> store, String articleId, long time) {
      String value = store.fetch(articleId, time);
      return value == null ? PENDING : DROPPED_VALUE.equals(value) ? DROPPED : EMITTED;
    }
  }
}
