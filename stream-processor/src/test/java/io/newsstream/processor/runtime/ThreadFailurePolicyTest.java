package io.newsstream.processor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class ThreadFailurePolicyTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final ThreadFailurePolicy policy = new ThreadFailurePolicy(5, Duration.ofMinutes(1));

  @Test
  void shouldReplaceAThreadAfterAOneOffTransientFailure() {
    // given
    Throwable error = new StreamsException(new TimeoutException("Timeout expired while committing offsets"));

    // when
    ThreadFailurePolicy.Decision decision = policy.onFailure(error, START);

    // then
    assertThat(decision.shutdown()).isFalse();
  }

  @Test
  void shouldKeepReplacingThreadsThatFailNoMoreOftenThanTheLimitWithinTheWindow() {
    // given: five failures a minute, spread over ten minutes
    Throwable error = new StreamsException("task failed", new IllegalStateException("registry unreachable"));
    boolean shutdown = false;

    // when
    for (int i = 0; i < 50; i++) {
      shutdown |= policy.onFailure(error, START.plusSeconds(i * 12L)).shutdown();
    }

    // then
    assertThat(shutdown).isFalse();
  }

  @Test
  void shouldShutDownWhenThreadsFailMoreOftenThanTheLimitWithinTheWindow() {
    // given
    Throwable error = new StreamsException("task failed", new IllegalStateException("boom"));
    for (int i = 0; i < 5; i++) {
      assertThat(policy.onFailure(error, START.plusSeconds(i)).shutdown()).isFalse();
    }

    // when
    ThreadFailurePolicy.Decision decision = policy.onFailure(error, START.plusSeconds(5));

    // then
    assertThat(decision.shutdown()).isTrue();
    assertThat(decision.reason()).isEqualTo(
        "stream threads failed 6 times within 60 s, each replacement failing again (the last failure: IllegalStateException: boom)");
  }

  @Test
  void shouldShutDownAtOnceOnInvalidInternalTopicPartitionsNamingThePartitionSettings() {
    // given: as Kafka Streams' partition assignor reports it
    Throwable error = new StreamsException(
        new StreamsException("Existing internal topic newsstream-processor-dedup-home-repartition has invalid partitions:"
            + " expected: 2; actual: 4. Use 'org.apache.kafka.tools.StreamsResetter' tool to clean up invalid topics before processing."));

    // when
    ThreadFailurePolicy.Decision decision = policy.onFailure(error, START);

    // then
    assertThat(decision.shutdown()).isTrue();
    assertThat(decision.reason())
        .contains("expected: 2; actual: 4")
        .contains("newsstream.processor.topic-partitions")
        .contains("newsstream.processor.text-key-partitions");
  }

  @Test
  void shouldShutDownAtOnceWhenTheClusterCannotGiveTheReplicationFactor() {
    // given
    Throwable error = new StreamsException(
        "Could not create topic newsstream-processor-dedup-home-repartition.",
        new InvalidReplicationFactorException("Unable to replicate the partition 3 time(s): The target replication factor of 3"
            + " cannot be reached because only 1 broker(s) are registered."));

    // when
    ThreadFailurePolicy.Decision decision = policy.onFailure(error, START);

    // then
    assertThat(decision.shutdown()).isTrue();
    assertThat(decision.reason()).contains("newsstream.processor.topic-replication-factor").contains("only 1 broker(s)");
  }

  @Test
  void shouldShutDownAtOnceOnAnIllegalTopicNameNamingTheApplicationId() {
    // given
    Throwable error = new KafkaException(new InvalidTopicException("Invalid topics: [bad id!-dedup-home-repartition]"));

    // when
    ThreadFailurePolicy.Decision decision = policy.onFailure(error, START);

    // then
    assertThat(decision.shutdown()).isTrue();
    assertThat(decision.reason()).contains("newsstream.processor.application-id").contains("bad id!-dedup-home-repartition");
  }

  @Test
  void shouldShutDownAtOnceOnAMissingSourceTopicOrAMissingAuthorisation() {
    // given
    Throwable missing = new MissingSourceTopicException("One or more source topics were missing during rebalance");
    Throwable denied = new StreamsException(new TopicAuthorizationException("Not authorized to access topics: [articles.raw]"));

    // when
    ThreadFailurePolicy.Decision missingDecision = policy.onFailure(missing, START);
    ThreadFailurePolicy.Decision deniedDecision = policy.onFailure(denied, START);

    // then
    assertThat(missingDecision.shutdown()).isTrue();
    assertThat(missingDecision.reason()).contains("newsstream.processor.raw-topic");
    assertThat(deniedDecision.shutdown()).isTrue();
    assertThat(deniedDecision.reason()).contains("TopicAuthorizationException").contains("ACLs");
  }

  @Test
  void shouldCountTheFailuresOfTheLastFiveMinutesAndKeepTheLatest() {
    // given
    Throwable unreachable =
        new StreamsException("task failed", new IllegalStateException("Schema registry at http://127.0.0.1:1 is unreachable"));
    Throwable timeout =
        new StreamsException(
            "Exception caught in process. taskId=0_3",
            new StreamsException(
                "Unable to serialize record",
                new IllegalStateException(
                    "Schema registry at http://127.0.0.1:8081 is unreachable (POST /subjects/articles.topic.sport-value/versions)",
                    new java.net.http.HttpTimeoutException("request timed out"))));
    assertThat(policy.recent(START)).isEqualTo(ThreadFailurePolicy.Recent.NONE);
    policy.onFailure(unreachable, START);
    policy.onFailure(timeout, START.plusSeconds(240));

    // when
    ThreadFailurePolicy.Recent both = policy.recent(START.plusSeconds(250));
    ThreadFailurePolicy.Recent one = policy.recent(START.plusSeconds(310));
    ThreadFailurePolicy.Recent none = policy.recent(START.plusSeconds(600));

    // then
    assertThat(both.count()).isEqualTo(2);
    assertThat(both.lastAt()).isEqualTo(START.plusSeconds(240));
    assertThat(both.last())
        .isEqualTo("IllegalStateException: Schema registry at http://127.0.0.1:8081 is unreachable"
            + " (POST /subjects/articles.topic.sport-value/versions)");
    assertThat(one.count()).isEqualTo(1);
    assertThat(none.count()).isZero();
    assertThat(none.last()).isEqualTo(both.last());
  }
}
