package io.newsstream.processor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.config.ProcessorConfig.NearDuplicateMode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EffectiveSettingsTest {

  @Test
  void shouldNameTheSettingsInEffectWithDerivedValuesAndReadableDurations() {
    // given
    ProcessorConfig config = new ProcessorConfig();
    config.setTopicPartitions(2);
    config.setDedupRetention(Duration.ofDays(2));
    config.setNearDuplicateMode(NearDuplicateMode.FLAG);
    config.setNumStreamThreads(3);
    config.setStateDir(Path.of("/var/lib/newsstream/state"));

    // when
    String line = EffectiveSettings.of(config);

    // then
    assertThat(line)
        .startsWith("Effective settings (newsstream.processor.*): topology=FULL, application-id=newsstream-processor,"
            + " topic-partitions=2, text-key-partitions=2 (as topic-partitions), topic-replication-factor=1,"
            + " dedup-retention=2 d, commit-interval=1 s, near-duplicate-mode=FLAG, near-duplicate-distance=3,"
            + " near-duplicate-reorder-window=5 s, error-mode=DEAD_LETTER, store-type=ROCKSDB, stall-timeout=2 min,"
            + " stall-exit=false, num-stream-threads=3, state-dir=/var/lib/newsstream/state");
  }

  @Test
  void shouldGiveAnExplicitTextKeyPartitionCountAsItIsAndAStallCheckThatIsOffAsOff() {
    // given
    ProcessorConfig config = new ProcessorConfig();
    config.setTextKeyPartitions(2);
    config.setStallTimeout(Duration.ZERO);

    // when
    String line = EffectiveSettings.of(config);

    // then
    assertThat(line).contains("topic-partitions=4, text-key-partitions=2, ").contains("stall-timeout=0 (off)");
  }
}
