package io.newsstream.localstack.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates topics on a broker with the admin client, idempotently: a topic that already exists is
 * left as it is (a differing partition count is logged, not changed). Returns once every
 * partition of every requested topic has a leader, so a producer can write straight away.
 */
public final class Topics {

  private static final Logger LOG = LoggerFactory.getLogger(Topics.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private Topics() {}

  /** Creates {@code topics} with replication factor 1 on {@code bootstrapServers}. */
  public static void create(String bootstrapServers, Collection<TopicSpec> topics) {
    if (topics.isEmpty()) {
      return;
    }
    try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
      List<NewTopic> newTopics = topics.stream()
          .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1))
          .toList();
      Map<String, KafkaFuture<Void>> results = admin.createTopics(newTopics).values();
      for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
        try {
          result.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
          LOG.debug("created topic {}", result.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("could not create topic " + result.getKey() + ": " + e.getCause(), e);
          }
        }
      }
      awaitLeaders(admin, topics);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("creating topics on " + bootstrapServers + " timed out", e);
    }
  }

  private static void awaitLeaders(Admin admin, Collection<TopicSpec> topics)
      throws InterruptedException, TimeoutException {
    List<String> names = topics.stream().map(TopicSpec::name).toList();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      List<String> pending = new ArrayList<>();
      try {
        Map<String, TopicDescription> descriptions =
            admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
        for (TopicSpec spec : topics) {
          TopicDescription description = descriptions.get(spec.name());
          if (description.partitions().stream().anyMatch(p -> p.leader() == null || p.leader().isEmpty())) {
            pending.add(spec.name());
          } else if (description.partitions().size() != spec.partitions()) {
            LOG.warn("topic {} exists with {} partitions, not the {} asked for; left as it is",
                spec.name(), description.partitions().size(), spec.partitions());
          }
        }
      } catch (ExecutionException e) {
        pending.addAll(names); // metadata not propagated yet
      }
      if (pending.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("partitions without a leader after " + TIMEOUT.toSeconds() + " s: " + pending);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
  }

  static Properties adminConfig(String bootstrapServers) {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsstream-local-stack");
    // Local broker: fail within seconds instead of the default minute, readiness loops retry.
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    return config;
  }
}
