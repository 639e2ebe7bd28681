package io.newsstream.processor.runtime;

import io.newsstream.processor.config.ProcessorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.streams.errors.MisconfiguredInternalTopicException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsException;

/**
 * Decides what a failed stream thread leads to: replaced, or the instance shut down. Kafka Streams
 * hands every exception that ends a stream thread to the uncaught-exception handler; replacing the
 * thread rides out a one-off failure, but an error that comes from the configuration (an internal
 * topic with other partitions than configured, a replication factor the cluster cannot give, an
 * application id that makes illegal topic names, a missing authorisation) fails every replacement
 * the same way, and the instance would stay REBALANCING, reported healthy, processing nothing.
 *
 * <p>So the instance shuts down at once when the failure is one that retrying cannot mend (found
 * in the exception or its causes), and when threads have failed more than {@link #MAX_FAILURES}
 * times within {@link #WINDOW} whatever the cause. Each decision says why, naming the setting to
 * look at where the cause tells it. Plain Java: the caller passes the time; not thread-safe, the
 * caller serialises calls.
 */
final class ThreadFailurePolicy {

  /** Failures of stream threads within {@link #WINDOW} that are still taken for one-off ones. */
  static final int MAX_FAILURES = 5;

  /**
   * A replaced thread rejoins the group and fails again within a rebalance (seconds); a transient
   * outage that fails threads more often than this for a minute is better handed to the
   * supervisor, which restarts the processor with fresh clients.
   */
  static final Duration WINDOW = Duration.ofMinutes(1);

  /** What to do with a failed stream thread, and why. */
  record Decision(boolean shutdown, String reason) {

    static Decision replace() {
      return new Decision(false, null);
    }
  }

  private final int maxFailures;
  private final Duration window;
  private final Deque<Instant> failures = new ArrayDeque<>();
  private final Deque<Instant> reported = new ArrayDeque<>();
  private Instant lastFailureAt;
  private String lastFailure;

  /**
   * How far back {@link #recent} counts failures: longer than {@link #WINDOW}, since a thread
   * that waits out a request timeout before each failure (an unreachable schema registry: 5 s,
   * then its replacement and a rebalance) fails about every 30 s, never often enough for a
   * shutdown.
   */
  static final Duration REPORT_WINDOW = Duration.ofMinutes(5);

  /**
   * The stream-thread failures within {@link #REPORT_WINDOW} before some instant, and the latest
   * one (null when there was none yet).
   */
  record Recent(int count, Instant lastAt, String last) {

    static final Recent NONE = new Recent(0, null, null);
  }

  ThreadFailurePolicy() {
    this(MAX_FAILURES, WINDOW);
  }

  ThreadFailurePolicy(int maxFailures, Duration window) {
    this.maxFailures = maxFailures;
    this.window = window;
  }

  /** The decision for a stream thread that failed with {@code error} at {@code now}. */
  Decision onFailure(Throwable error, Instant now) {
    lastFailureAt = now;
    lastFailure = describe(error);
    reported.addLast(now);
    forget(reported, now, REPORT_WINDOW);
    String fatal = fatalCause(error);
    if (fatal != null) {
      return new Decision(true, fatal);
    }
    failures.addLast(now);
    forget(failures, now, window);
    if (failures.size() > maxFailures) {
      return new Decision(
          true,
          "stream threads failed " + failures.size() + " times within " + window.toSeconds() + " s"
              + ", each replacement failing again (the last failure: " + describe(error) + ")");
    }
    return Decision.replace();
  }

  /**
   * The failures within {@link #REPORT_WINDOW} before {@code now}, and the latest failure whenever
   * it was.
   */
  Recent recent(Instant now) {
    if (lastFailureAt == null) {
      return Recent.NONE;
    }
    forget(reported, now, REPORT_WINDOW);
    return new Recent(reported.size(), lastFailureAt, lastFailure);
  }

  private static void forget(Deque<Instant> times, Instant now, Duration window) {
    while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
      times.removeFirst();
    }
  }

  /**
   * Why {@code error} cannot be mended by a new thread, naming the setting to look at; null when
   * it may be transient.
   */
  static String fatalCause(Throwable error) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable cause = error; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
      String message = cause.getMessage() == null ? "" : cause.getMessage();
      String lower = message.toLowerCase(Locale.ROOT);
      if (cause instanceof InvalidTopicException) {
        return "an illegal topic name (" + message + "); internal topics are named after " + setting("application-id")
            + ", topic names after " + setting("raw-topic") + " and the other *-topic settings";
      }
      if (cause instanceof InvalidReplicationFactorException) {
        return "the cluster cannot give the replication factor (" + message + "); check " + setting("topic-replication-factor")
            + " against the number of brokers";
      }
      if (lower.contains("has invalid partitions")) {
        return "an internal topic has another partition count than configured (" + message + "); "
            + setting("topic-partitions") + " and " + setting("text-key-partitions")
            + " cannot change on an existing application: set them back, or reset the application (README, Configuration)";
      }
      if (cause instanceof MisconfiguredInternalTopicException) {
        return "an internal topic is configured otherwise than Kafka Streams needs (" + message + ")";
      }
      if (cause instanceof MissingSourceTopicException) {
        return "a source topic is missing (" + message + "); check " + setting("raw-topic") + " and " + setting("topic-create");
      }
      if (cause instanceof TopicAuthorizationException
          || cause instanceof GroupAuthorizationException
          || cause instanceof TransactionalIdAuthorizationException
          || cause instanceof ClusterAuthorizationException) {
        return "not authorised (" + cause.getClass().getSimpleName() + ": " + message + "); check the ACLs of the processor's principal"
            + " for " + setting("application-id") + " (group, transactional ids, internal topics) and its topics";
      }
    }
    return null;
  }

  private static String setting(String key) {
    return ProcessorConfig.PREFIX + "." + key;
  }

  /**
   * What failed, as class and message: the first cause under Kafka Streams' wrappers ({@code
   * StreamsException} says only which task and record), whose message usually names what was
   * reached for, such as the registry's address and the subject; the root cause when every level
   * is a wrapper.
   */
  static String describe(Throwable error) {
    Throwable shown = error;
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    while (shown instanceof StreamsException && shown.getCause() != null && seen.put(shown, true) == null) {
      shown = shown.getCause();
    }
    return shown.getClass().getSimpleName() + (shown.getMessage() == null ? "" : ": " + shown.getMessage());
  }

}
