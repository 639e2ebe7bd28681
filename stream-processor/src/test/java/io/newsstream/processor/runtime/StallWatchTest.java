package io.newsstream.processor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class StallWatchTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  @Test
  void shouldReportOnlyTheThreadsWhoseConsumerHasNotPolledWithinTheTimeout() {
    // given: thread 1 polled 3 s ago, thread 2 300 s ago, thread 3 not yet; thread 4's
    // consumer has no metric; the restore consumer of thread 2 (not its main consumer) is idle
    Map<String, String> consumers = new HashMap<>();
    consumers.put("app-StreamThread-1", "app-StreamThread-1-consumer");
    consumers.put("app-StreamThread-2", "app-StreamThread-2-consumer");
    consumers.put("app-StreamThread-3", "app-StreamThread-3-consumer");
    consumers.put("app-StreamThread-4", "app-StreamThread-4-consumer");
    Map<MetricName, Metric> metrics = new HashMap<>();
    put(metrics, "last-poll-seconds-ago", "consumer-metrics", "app-StreamThread-1-consumer", 3.0);
    put(metrics, "last-poll-seconds-ago", "consumer-metrics", "app-StreamThread-2-consumer", 300.0);
    put(metrics, "last-poll-seconds-ago", "consumer-metrics", "app-StreamThread-3-consumer", -1.0);
    put(metrics, "last-poll-seconds-ago", "consumer-metrics", "app-StreamThread-2-restore-consumer", 900.0);
    put(metrics, "time-between-poll-max", "consumer-metrics", "app-StreamThread-1-consumer", 900_000.0);

    // when
    Map<String, Duration> stalled = StallWatch.stalled(consumers, metrics, TIMEOUT);

    // then
    assertThat(stalled).containsExactly(Map.entry("app-StreamThread-2", Duration.ofSeconds(300)));
  }

  @Test
  void shouldNotCountATimeOfExactlyTheTimeoutAsAStall() {
    // given
    Map<MetricName, Metric> metrics = new HashMap<>();
    put(metrics, "last-poll-seconds-ago", "consumer-metrics", "c1", 120.0);
    put(metrics, "last-poll-seconds-ago", "consumer-metrics", "c2", 121.0);

    // when
    Map<String, Duration> stalled = StallWatch.stalled(Map.of("t1", "c1", "t2", "c2"), metrics, TIMEOUT);

    // then
    assertThat(stalled).containsOnlyKeys("t2");
  }

  @Test
  void shouldReportNothingBeforeStartOrWhenTurnedOff() {
    // given
    StallWatch notStarted = new StallWatch(() -> null, TIMEOUT);
    StallWatch off = new StallWatch(() -> null, Duration.ZERO);

    // when / then
    assertThat(notStarted.enabled()).isTrue();
    assertThat(notStarted.stalledThreads()).isEmpty();
    assertThat(off.enabled()).isFalse();
    assertThat(off.stalledThreads()).isEmpty();
  }

  @Test
  void shouldReportHealthDownWhileAThreadIsStalledEvenWhenStreamsIsRunning() {
    // given
    Map<String, Duration> stalled = Map.of("app-StreamThread-2", Duration.ofSeconds(312));

    // when
    HealthResult running = StreamsHealthIndicator.result(KafkaStreams.State.RUNNING, Map.of(), RestoreProgress.Remaining.NONE);
    HealthResult runningButStalled = StreamsHealthIndicator.result(KafkaStreams.State.RUNNING, stalled, RestoreProgress.Remaining.NONE);
    HealthResult notRunning = StreamsHealthIndicator.result(KafkaStreams.State.ERROR, Map.of(), RestoreProgress.Remaining.NONE);

    // then
    assertThat(running.getStatus()).isEqualTo(HealthStatus.UP);
    assertThat(details(running)).containsOnlyKeys("state");
    assertThat(runningButStalled.getStatus()).isEqualTo(HealthStatus.DOWN);
    assertThat(details(runningButStalled))
        .containsEntry("state", "RUNNING")
        .containsEntry("stalledThreads", Map.of("app-StreamThread-2", 312L));
    assertThat(notRunning.getStatus()).isEqualTo(HealthStatus.DOWN);
  }

  @Test
  void shouldStayUpWhileRestoringAndSayHowMuchIsLeft() {
    // when
    HealthResult restoring =
        StreamsHealthIndicator.result(KafkaStreams.State.REBALANCING, Map.of(), new RestoreProgress.Remaining(3, 12_345));

    // then
    assertThat(restoring.getStatus()).isEqualTo(HealthStatus.UP);
    assertThat(details(restoring)).containsEntry("restoringStorePartitions", 3).containsEntry("restoringRecordsLeft", 12_345L);
  }

  @Test
  void shouldReportHealthDownWhileStreamThreadsKeepFailingThoughStreamsStaysRunning() {
    // given: threads replaced after failing on an unreachable registry
    Instant now = Instant.parse("2026-01-01T00:01:00Z");
    String cause = "SchemaRegistryException: Schema registry at http://127.0.0.1:8081 is unreachable";
    ThreadFailurePolicy.Recent once = new ThreadFailurePolicy.Recent(1, now.minusSeconds(7), cause);
    ThreadFailurePolicy.Recent repeatedly = new ThreadFailurePolicy.Recent(3, now.minusSeconds(7), cause);
    ThreadFailurePolicy.Recent repeatedlyTillTwoMinutesAgo = new ThreadFailurePolicy.Recent(3, now.minusSeconds(120), cause);

    // when
    HealthResult afterOne =
        StreamsHealthIndicator.result(KafkaStreams.State.RUNNING, Map.of(), RestoreProgress.Remaining.NONE, once, now);
    HealthResult afterSeveral =
        StreamsHealthIndicator.result(KafkaStreams.State.REBALANCING, Map.of(), RestoreProgress.Remaining.NONE, repeatedly, now);
    HealthResult recovered =
        StreamsHealthIndicator.result(
            KafkaStreams.State.RUNNING, Map.of(), RestoreProgress.Remaining.NONE, repeatedlyTillTwoMinutesAgo, now);

    // then
    assertThat(afterOne.getStatus()).isEqualTo(HealthStatus.UP);
    assertThat(details(afterOne)).containsEntry("threadFailuresLast5Minutes", 1).containsEntry("lastThreadFailure", cause);
    assertThat(afterSeveral.getStatus()).isEqualTo(HealthStatus.DOWN);
    assertThat(details(afterSeveral))
        .containsEntry("state", "REBALANCING")
        .containsEntry("threadFailuresLast5Minutes", 3)
        .containsEntry("lastThreadFailureSecondsAgo", 7L);
    assertThat(recovered.getStatus()).isEqualTo(HealthStatus.UP);
    assertThat(details(recovered)).containsEntry("threadFailuresLast5Minutes", 3).containsEntry("lastThreadFailureSecondsAgo", 120L);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> details(HealthResult result) {
    return (Map<String, Object>) result.getDetails();
  }

  private static void put(Map<MetricName, Metric> metrics, String name, String group, String clientId, double value) {
    MetricName metricName = new MetricName(name, group, "", Map.of("client-id", clientId));
    metrics.put(
        metricName,
        new Metric() {
          @Override
          public MetricName metricName() {
            return metricName;
          }

          @Override
          public Object metricValue() {
            return value;
          }
        });
  }
}
