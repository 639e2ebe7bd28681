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

  ThreadFailurePolicy() {
    this(MAX_FAILURES, WINDOW);
  }

  ThreadFailurePolicy(int maxFailures, Duration window) {
    this.maxFailures = maxFailures;
    this.window = window;
  }

  /** The decision for a stream thread that failed with {@code error} at {@code now}. */
  Decision onFailure(Throwable error, Instant now) {
    String fatal = fatalCause(error);
    if (fatal != null) {
      return new Decision(true, fatal);
    }
    failures.addLast(now);
    while (!failures.isEmpty() && !failures.peekFirst().isAfter(now.minus(window))) {
      failures.removeFirst();
    }
    if (failures.size() > maxFailures) {
      return new Decision(
          true,
          "stream threads failed " + failures.size() + " times within " + window.toSeconds() + " s"
              + ", each replacement failing again (the last failure: " + describe(error) + ")");
    }
    return Decision.replace();
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

  private static String describe(Throwable error) {
    Throwable root = error;
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    while (root.getCause() != null && seen.put(root, true) == null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
