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
  private static final String EMITTED = "";
  private static final String DROPPED = "dropped";

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
      decided.put(notice.substring(DROPPED_NOTICE.length()), DROPPED, record.timestamp());
    } else {
      decided.put(notice, EMITTED, record.timestamp());
    }
  }

  /** Whether the article indexed at {@code time} was emitted, by the store of this step. */
  static boolean wasEmitted(WindowStore<String, String> store, String articleId, long time) {
    return EMITTED.equals(decision(store, articleId, time));
  }

  /** Whether the article indexed at {@code time} was dropped, by the store of this step. */
  static boolean wasDropped(WindowStore<String, String> store, String articleId, long time) {
    return DROPPED.equals(decision(store, articleId, time));
  }

  /** The value stored for the article indexed at {@code time}, or null before its notice. */
  private static String decision(WindowStore<String, String> store, String articleId, long time) {
    return store.fetch(articleId, time);
  }
}
