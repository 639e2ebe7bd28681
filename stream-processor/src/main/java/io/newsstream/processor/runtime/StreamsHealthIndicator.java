package io.newsstream.processor.runtime;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
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
 *
 * <p>A failed stream thread is replaced (see {@link ThreadFailurePolicy}) and Kafka Streams stays
 * RUNNING or REBALANCING meanwhile, so the state alone hides a thread that keeps failing (an
 * unreachable schema registry fails every thread that has to look a schema up, about every
 * 30 s). The details count the failures of the last five minutes and name the latest one;
 * the instance is DOWN while threads keep failing: {@value #REPEATED_FAILURES} or more failures
 * within five minutes, the latest less than {@code STILL_FAILING} (90 s) ago. A single failure
 * does not make it DOWN, and it is UP again 90 s after the last failure once the cause is gone.
 */
@Singleton
public class StreamsHealthIndicator implements HealthIndicator {

  /** Stream-thread failures within {@link ThreadFailurePolicy#REPORT_WINDOW} from which the instance is DOWN. */
  static final int REPEATED_FAILURES = 2;

  /**
   * How recent the latest failure must be for threads to count as still failing: longer than the
   * gap between two failures on a registry that does not answer (the 5 s request timeout, then
   * the thread's replacement and a rebalance: about 30 s).
   */
  static final Duration STILL_FAILING = Duration.ofSeconds(90);

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
    Instant now = Instant.now();
    return Publishers.just(result(runner.state(), runner.stalledThreads(), runner.restoring(), runner.threadFailures(now), now));
  }

  static HealthResult result(KafkaStreams.State state, Map<String, Duration> stalledThreads, RestoreProgress.Remaining restoring) {
    return result(state, stalledThreads, restoring, ThreadFailurePolicy.Recent.NONE, Instant.EPOCH);
  }

  static HealthResult result(
      KafkaStreams.State state,
      Map<String, Duration> stalledThreads,
      RestoreProgress.Remaining restoring,
      ThreadFailurePolicy.Recent failures,
      Instant now) {
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
    boolean failing = false;
    if (failures.count() > 0) {
      Duration sinceLast = Duration.between(failures.lastAt(), now);
      details.put("threadFailuresLast5Minutes", failures.count());
      details.put("lastThreadFailure", failures.last());
      details.put("lastThreadFailureSecondsAgo", Math.max(0, sinceLast.toSeconds()));
      failing = failures.count() >= REPEATED_FAILURES && sinceLast.compareTo(STILL_FAILING) < 0;
    }
    boolean up = healthy(state) && stalledThreads.isEmpty() && !failing;
    return HealthResult.builder("kafkaStreams", up ? HealthStatus.UP : HealthStatus.DOWN).details(details).build();
  }
}
