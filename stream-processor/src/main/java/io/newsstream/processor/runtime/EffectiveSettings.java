package io.newsstream.processor.runtime;

import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.topology.TopologyFactory;
import io.newsstream.schemas.config.Durations;

/**
 * The start-up line that shows the {@code newsstream.processor.*} settings in effect, as the
 * processor reads them after defaults, application.yml, system properties and environment
 * variables: what an operator checks first when a deployment behaves otherwise than expected.
 * Values that are derived (text-key partitions from topic partitions) are given as they apply.
 */
final class EffectiveSettings {

  private EffectiveSettings() {}

  static String of(ProcessorConfig config) {
    StringBuilder line = new StringBuilder("Effective settings (").append(ProcessorConfig.PREFIX).append(".*):");
    line.append(" topology=").append(config.getTopology());
    line.append(", application-id=").append(config.getApplicationId());
    line.append(", topic-partitions=").append(config.getTopicPartitions());
    line.append(", text-key-partitions=").append(TopologyFactory.textPartitions(config));
    if (config.getTextKeyPartitions() == 0) {
      line.append(" (as topic-partitions)");
    }
    line.append(", topic-replication-factor=").append(config.getTopicReplicationFactor());
    line.append(", dedup-retention=").append(Durations.readable(config.getDedupRetention()));
    line.append(", commit-interval=").append(Durations.readable(config.getCommitInterval()));
    line.append(", near-duplicate-mode=").append(config.getNearDuplicateMode());
    line.append(", near-duplicate-distance=").append(config.getNearDuplicateDistance());
    line.append(", near-duplicate-reorder-window=").append(Durations.readable(config.getNearDuplicateReorderWindow()));
    line.append(", error-mode=").append(config.getErrorMode());
    line.append(", store-type=").append(config.getStoreType());
    line.append(", stall-timeout=")
        .append(config.getStallTimeout().isZero() ? "0 (off)" : Durations.readable(config.getStallTimeout()));
    line.append(", stall-exit=").append(config.isStallExit());
    line.append(", num-stream-threads=").append(config.getNumStreamThreads());
    line.append(", state-dir=").append(config.getStateDir().toAbsolutePath());
    return line.toString();
  }
}
