package io.newsstream.processor.runtime;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/**
 * {@code /health} follows Kafka Streams: UP while it is RUNNING or REBALANCING, DOWN in every
 * other state (not started, starting, erroring, shutting down), with the state in the details.
 */
@Singleton
public class StreamsHealthIndicator implements HealthIndicator {

  private final StreamsRunner runner;

  public StreamsHealthIndicator(StreamsRunner runner) {
    this.runner = runner;
  }

  /** True for the states in which the application is doing its work. */
  static boolean healthy(KafkaStreams.State state) {
    return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    KafkaStreams.State state = runner.state();
    return Publishers.just(
        HealthResult.builder("kafkaStreams", healthy(state) ? HealthStatus.UP : HealthStatus.DOWN)
            .details(Map.of("state", state == null ? "NOT_STARTED" : state.name()))
            .build());
  }
}
