package io.newsstream.processor.runtime;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/**
 * {@code /health} follows Kafka Streams: UP while it is RUNNING or REBALANCING, DOWN in every
 * other state (not started, starting, erroring, shutting down), with the state in the details;
 * also DOWN while a stream thread is stalled ({@link StallWatch}: no poll for longer than {@code
 * stall-timeout}), naming each such thread with the seconds since its last poll. While state is
 * restored from the changelogs the details give the store partitions and records left (UP: the
 * instance is catching up, not failing).
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
    return Publishers.just(result(runner.state(), runner.stalledThreads(), runner.restoring()));
  }

  static HealthResult result(KafkaStreams.State state, Map<String, Duration> stalledThreads, RestoreProgress.Remaining restoring) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("state", state == null ? "NOT_STARTED" : state.name());
    if (restoring.storePartitions() > 0) {
      // Restoring is not a failure: the instance is catching up on its state, and emits again after.
      details.put("restoringStorePartitions", restoring.storePartitions());
      details.put("restoringRecordsLeft", restoring.records());
    }
    if (!stalledThreads.isEmpty()) {
      Map<String, Long> secondsSincePoll = new TreeMap<>();
      stalledThreads.forEach((thread, sincePoll) -> secondsSincePoll.put(thread, sincePoll.toSeconds()));
      details.put("stalledThreads", secondsSincePoll);
    }
    boolean up = healthy(state) && stalledThreads.isEmpty();
    return HealthResult.builder("kafkaStreams", up ? HealthStatus.UP : HealthStatus.DOWN).details(details).build();
  }
}
