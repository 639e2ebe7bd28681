package io.newsstream.processor.runtime;

import io.newsstream.schemas.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the topics the processor reads and writes exist before Kafka Streams starts: creates
 * the missing ones with the configured partitions and replication factor, or, when creation is
 * disabled, fails start-up naming every missing topic. Auto-creation is off on the broker, so
 * without this a missing output topic would only show up as a failing stream thread.
 */
public final class TopicProvisioner {

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  private final Admin admin;
  private final Duration timeout;

  /**
   * Settings of the admin client that {@link #ensure} is given: its calls give up within {@code
   * timeout} too. The admin client's own default (60 s) otherwise keeps a topic listing that
   * this class stopped waiting for pending, and closing the client waits for it, so an
   * unreachable Kafka held start-up for about twice the timeout.
   */
  public static Map<String, Object> adminSettings(String bootstrapServers, Duration timeout) {
    int timeoutMs = millis(timeout);
    Map<String, Object> settings = new HashMap<>();
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    // Must not exceed the API timeout, which the admin client would otherwise raise to it.
    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    return settings;
  }

  public TopicProvisioner(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /**
   * Ensures {@code topics} exist. Returns the names it created.
   *
   * @throws IllegalStateException when topics are missing and {@code create} is false, or the
   *     broker cannot be reached in time
   */
  public Set<String> ensure(Collection<String> topics, boolean create, int partitions, short replicationFactor) {
    Set<String> existing = listTopics();
    Set<String> missing = new TreeSet<>(topics);
    missing.removeAll(existing);
    if (missing.isEmpty()) {
      return Set.of();
    }
    if (!create) {
      throw new IllegalStateException(
          "Topics missing and topic creation is disabled (newsstream.processor.topic-create=false): " + missing
              + ". Create them, or enable creation.");
    }
    List<NewTopic> newTopics = new ArrayList<>();
    for (String name : missing) {
      newTopics.add(new NewTopic(name, partitions, replicationFactor));
    }
    CreateTopicsResult result = admin.createTopics(newTopics, new CreateTopicsOptions().timeoutMs(timeoutMs()));
    Set<String> created = new TreeSet<>();
    for (String name : missing) {
      try {
        result.values().get(name).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        created.add(name);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
          throw new IllegalStateException("Creating topic " + name + " did not finish within " + Durations.readable(timeout), e.getCause());
        }
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("Cannot create topic " + name + ": " + e.getCause(), e.getCause());
        }
      } catch (TimeoutException e) {
        throw new IllegalStateException("Creating topic " + name + " did not finish within " + Durations.readable(timeout), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while creating topic " + name, e);
      }
    }
    LOG.info("Created topics {} ({} partitions, replication factor {})", created, partitions, replicationFactor);
    return created;
  }

  private Set<String> listTopics() {
    try {
      return admin.listTopics(new ListTopicsOptions().timeoutMs(timeoutMs())).names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw notAnswered(e.getCause());
      }
      throw new IllegalStateException("Cannot list topics: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw notAnswered(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while listing topics", e);
    }
  }

  private IllegalStateException notAnswered(Throwable cause) {
    return new IllegalStateException("Kafka did not answer a topic listing within " + Durations.readable(timeout) + "; is it running?", cause);
  }

  private int timeoutMs() {
    return millis(timeout);
  }

  /** The admin client takes its timeouts as an int of milliseconds. */
  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
  }
}
