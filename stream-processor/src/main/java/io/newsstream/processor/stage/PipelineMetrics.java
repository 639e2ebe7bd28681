package io.newsstream.processor.stage;

import io.newsstream.schemas.avro.DuplicateKind;
import java.time.Duration;

/**
 * Counters the topology reports to, per stage. The runtime binds them to Micrometer; tests use
 * {@link #NOOP} or a recording implementation. Implementations must be thread-safe: every stream
 * thread calls them.
 */
public interface PipelineMetrics {

  /** A record from articles.raw was decoded and enriched. */
  void processed();

  /** A record failed in {@code stage} (see {@link Stage}). */
  void failed(String stage);

  /** A duplicate of {@code kind} was found; {@code dropped} is false when it was only flagged. */
  void duplicate(DuplicateKind kind, boolean dropped);

  /** An article was emitted as revision 2 or later. */
  void revision();

  /** An article was written to {@code topic}. */
  void routed(String topic);

  /** Time from ingest's receipt of the submission to its emission by the processor. */
  void endToEndLag(Duration lag);

  /**
   * Probes held for the near-duplicate reorder window changed by {@code delta} (positive when
   * probes arrive or a task takes over a restored hold store, negative when they are checked or
   * the task is closed).
   */
  default void heldProbes(long delta) {}

  PipelineMetrics NOOP =
      new PipelineMetrics() {
        @Override
        public void processed() {}

        @Override
        public void failed(String stage) {}

        @Override
        public void duplicate(DuplicateKind kind, boolean dropped) {}

        @Override
        public void revision() {}

        @Override
        public void routed(String topic) {}

        @Override
        public void endToEndLag(Duration lag) {}
      };
}
