package io.newsstream.processor.dedup;

import io.newsstream.processor.config.ProcessorConfig.NearDuplicateMode;
import io.newsstream.processor.stage.FailureHandler;
import io.newsstream.processor.stage.PipelineMetrics;
import java.time.Clock;
import java.time.Duration;

/**
 * What every dedup processor needs: how long state is remembered, the near-duplicate rules, and
 * where failures and counts go.
 *
 * @param lightEditMaxWords most words a new version under the same URL may change, add or
 *     remove, its numbers unchanged, to be a light edit rather than a revision
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
    int lightEditMaxWords,
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
