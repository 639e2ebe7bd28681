package io.newsstream.processor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsstream.schemas.avro.DuplicateKind;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class MicrometerPipelineMetricsTest {

  @Test
  void shouldCountPerStageKindAndTopic() {
    // given
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerPipelineMetrics metrics = new MicrometerPipelineMetrics(registry);

    // when
    metrics.processed();
    metrics.processed();
    metrics.failed("decode");
    metrics.duplicate(DuplicateKind.NEAR_DUPLICATE, false);
    metrics.duplicate(DuplicateKind.NEAR_DUPLICATE, true);
    metrics.duplicate(DuplicateKind.NEAR_DUPLICATE, true);
    metrics.routed("articles.topic.sport");
    metrics.endToEndLag(Duration.ofMillis(250));
    metrics.heldProbes(3);
    metrics.heldProbes(-1);

    // then
    assertThat(registry.get("newsstream.processor.articles.processed").counter().count()).isEqualTo(2.0);
    assertThat(registry.get("newsstream.processor.records.failed").tag("stage", "decode").counter().count()).isEqualTo(1.0);
    assertThat(
            registry.get("newsstream.processor.duplicates").tag("kind", "NEAR_DUPLICATE").tag("action", "dropped").counter().count())
        .isEqualTo(2.0);
    assertThat(
            registry.get("newsstream.processor.duplicates").tag("kind", "NEAR_DUPLICATE").tag("action", "flagged").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get("newsstream.processor.articles.routed").tag("topic", "articles.topic.sport").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get("newsstream.processor.end.to.end.lag").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250.0);
    assertThat(registry.get("newsstream.processor.reorder.held").gauge().value()).isEqualTo(2.0);
  }

  @Test
  void shouldScrapeFailuresAndDroppedDuplicatesAtZeroBeforeTheFirst() {
    // given
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    // when
    new MicrometerPipelineMetrics(registry);

    // then
    for (String stage : new String[] {"decode", "enrich", "dedup"}) {
      assertThat(registry.get("newsstream.processor.records.failed").tag("stage", stage).counter().count()).as(stage).isZero();
    }
    for (DuplicateKind kind : DuplicateKind.values()) {
      assertThat(registry.get("newsstream.processor.duplicates").tag("kind", kind.name()).tag("action", "dropped").counter().count())
          .as(kind.name())
          .isZero();
    }
  }

  @Test
  void shouldBeHealthyOnlyWhileRunningOrRebalancing() {
    // when / then
    for (KafkaStreams.State state : KafkaStreams.State.values()) {
      boolean expected = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
      assertThat(StreamsHealthIndicator.healthy(state)).as(state.name()).isEqualTo(expected);
    }
    assertThat(StreamsHealthIndicator.healthy(null)).isFalse();
  }
}
