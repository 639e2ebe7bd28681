package io.newsstream.processor.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;

/**
 * Finds the stream threads that have not polled for longer than a bound. A stream thread polls
 * its main consumer on every turn of its loop, idle or busy, so a thread that stops polling is
 * blocked inside processing (a lock, a task waited for that never runs) while Kafka Streams still
 * reports RUNNING and the other threads go on. It reads each thread's main consumer metric {@value
 * #METRIC} (whole seconds, -1 before the first poll).
 */
public final class StallWatch {

  static final String METRIC = "last-poll-seconds-ago";
  static final String GROUP = "consumer-metrics";

  private final Supplier<KafkaStreams> streams;
  private final Duration timeout;

  /**
   * @param streams the running instance, or null before start and after close
   * @param timeout longest time without a poll that is not a stall; zero turns the check off
   */
  public StallWatch(Supplier<KafkaStreams> streams, Duration timeout) {
    this.streams = streams;
    this.timeout = timeout;
  }

  /** Whether the check is on. */
  public boolean enabled() {
    return !timeout.isZero();
  }

  public Duration timeout() {
    return timeout;
  }

  /** Thread name to time since its last poll, of every stalled stream thread, by name. */
  public Map<String, Duration> stalledThreads() {
    KafkaStreams current = streams.get();
    if (current == null || !enabled()) {
      return Map.of();
    }
    if (!StreamsHealthIndicator.healthy(current.state())) {
      // Not working (starting, closing, failed): health says so by the state; threads are going.
      return Map.of();
    }
    Map<String, String> consumerByThread = new TreeMap<>();
    for (ThreadMetadata thread : current.metadataForLocalThreads()) {
      consumerByThread.put(thread.threadName(), thread.consumerClientId());
    }
    return stalled(consumerByThread, current.metrics(), timeout);
  }

  /**
   * The threads whose main consumer last polled more than {@code timeout} ago, with that time.
   * A thread whose consumer has no such metric or has not polled yet is not stalled.
   */
  static Map<String, Duration> stalled(
      Map<String, String> consumerByThread, Map<MetricName, ? extends Metric> metrics, Duration timeout) {
    Map<String, Double> secondsByConsumer = new TreeMap<>();
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
      MetricName name = entry.getKey();
      if (METRIC.equals(name.name()) && GROUP.equals(name.group())) {
        String clientId = name.tags().get("client-id");
        Object value = entry.getValue().metricValue();
        if (clientId != null && value instanceof Number number) {
          secondsByConsumer.put(clientId, number.doubleValue());
        }
      }
    }
    Map<String, Duration> stalled = new TreeMap<>();
    consumerByThread.forEach(
        (thread, consumer) -> {
          Double seconds = secondsByConsumer.get(consumer);
          if (seconds != null && seconds >= 0) {
            Duration sincePoll = Duration.ofMillis(Math.round(seconds * 1000));
            if (sincePoll.compareTo(timeout) > 0) {
              stalled.put(thread, sincePoll);
            }
          }
        });
    return stalled;
  }
}
