package io.newsstream.processor.dedup;

import io.newsstream.processor.config.ProcessorConfig.NearDuplicateMode;
import io.newsstream.processor.stage.FailureHandler;
import io.newsstream.processor.stage.PipelineMetrics;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.WindowStore;

/**
 * What every dedup processor needs: how long state is remembered, the near-duplicate rules, and
 * where failures and counts go.
 *
 * @param nearContainment share of the shorter text's shingles that must be found in the other
 *     for a near-duplicate by containment; 0 turns that rule off
 * @param nearMaxPublishedGap largest gap between the publication times of two different texts
 *     that can be near-duplicates; zero: no limit
 * @param reorderWindow how long the text-key step holds a probe to check it in timestamp
 *     order; zero: on arrival
 * @param textPartitions partitions of the text-key topic (which partition owns which key)
 * @param keyFilter whether the dedup steps keep a {@link KeyPresence} filter of their stores' keys
 */
public record DedupSettings(
    Duration retention,
    int nearDistance,
    double nearContainment,
    Duration nearMaxPublishedGap,
    Duration reorderWindow,
    NearDuplicateMode nearMode,
    int nearMaxCandidates,
    int textPartitions,
    boolean keyFilter,
    FailureHandler failures,
    PipelineMetrics metrics,
    Clock clock) {

  /** The key filter of {@code store} for a processor's task, or one that always says "maybe". */
  <V> KeyPresence keyPresence(ProcessingContext context, WindowStore<String, V> store, String storeName) {
    return keyFilter
        ? KeyPresence.open(context, store, retention.toMillis(), storeName + " of task " + context.taskId())
        : KeyPresence.none();
  }

  /** Start of the store range searched for a record at {@code timestamp}. */
  long from(long timestamp) {
    return Math.max(0L, timestamp - retention.toMillis());
  }

  /** End of the store range: records may arrive out of timestamp order. */
  long to(long timestamp) {
    long end = timestamp + retention.toMillis();
    return end < timestamp ? Long.MAX_VALUE : end;
  }
}
