package io.newsstream.processor.runtime;

import static io.newsstream.processor.testing.Articles.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstream.localstack.LocalStack;
import io.newsstream.localstack.LocalStackExtension;
import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.enrich.ArticleEnricher;
import io.newsstream.processor.testing.FakeEnricher;
import io.newsstream.processor.testing.KafkaClients;
import io.newsstream.processor.testing.Namespaced;
import io.newsstream.processor.testing.KafkaClients.TopicReader;
import io.newsstream.processor.topology.StreamsProperties;
import io.newsstream.processor.topology.TopologyFactory;
import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream thread blocked inside processing, on the real broker: Kafka Streams stays RUNNING, and
 * {@link StallWatch} names that thread (and only it) once it has not polled for the timeout, and
 * stops naming it when it is released and polls again.
 */
@ExtendWith(LocalStackExtension.class)
class StallWatchIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STALL_TIMEOUT = Duration.ofSeconds(3);
  private static final List<String> TAXONOMY = List.of("technology");
  private static final String BLOCKING_TITLE = "Blocks the stream thread";

  @TempDir Path stateDir;

  @Test
  void shouldNameTheBlockedStreamThreadWhileKafkaStreamsSaysRunning(LocalStack stack) throws InterruptedException {
    // given: two stream threads and an enricher that blocks on one article until released
    String ns = "stall" + UUID.randomUUID().toString().substring(0, 8);
    ProcessorConfig config = Namespaced.config(stack, ns, stateDir);
    config.setNumStreamThreads(2);
    config.setStallTimeout(STALL_TIMEOUT);
    Topics topics = new Topics(config.topicNames(), StreamsProperties.serdeConfig(config));
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(TopologyFactory.externalTopics(topics, TAXONOMY), true, 4, (short) 1);
    }
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<String> blockedThread = new AtomicReference<>();
    FakeEnricher fake = new FakeEnricher();
    ArticleEnricher blocking =
        input -> {
          if (input.title().equals(BLOCKING_TITLE)) {
            blockedThread.set(Thread.currentThread().getName());
            entered.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return fake.enrich(input);
        };
    KafkaStreams streams =
        new KafkaStreams(new TopologyFactory().build(config, topics, blocking, TAXONOMY), StreamsProperties.streams(config));
    StallWatch watch = new StallWatch(() -> streams, config.getStallTimeout());
    try (KafkaClients clients = new KafkaClients(stack.bootstrapServers(), stack.schemaRegistryUrl());
        TopicReader<EnrichedArticle> enriched = clients.reader(ns + ".articles.enriched", EnrichedArticle.class)) {
      streams.start();
      await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
      clients.send(config.getRawTopic(), null, submitted("https://stall.example.com/a", BLOCKING_TITLE, "First body #technology"));
      assertThat(entered.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

      // when: the thread stays blocked past the timeout
      Map<String, Duration> stalled = await().atMost(TIMEOUT).until(watch::stalledThreads, m -> !m.isEmpty());

      // then: that thread alone is named, while Kafka Streams still says RUNNING
      assertThat(stalled).containsOnlyKeys(blockedThread.get());
      assertThat(stalled.get(blockedThread.get())).isGreaterThan(STALL_TIMEOUT);
      assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);

      // and the monitor logs the blocked thread's real stack, then asks to exit when told to
      List<String> errors = new ArrayList<>();
      List<Integer> exits = new ArrayList<>();
      StallMonitor monitor =
          new StallMonitor(
              watch::stalledThreads,
              STALL_TIMEOUT,
              true,
              ProcessorConfig.STALL_EXIT_STATUS,
              exits::add,
              ThreadStacks::of,
              new StallMonitor.Log() {
                @Override
                public void error(String line) {
                  errors.add(line);
                }

                @Override
                public void info(String line) {}
              });
      monitor.check();
      assertThat(errors.get(0))
          .startsWith("Stream thread " + blockedThread.get() + " has not polled for")
          .contains("CountDownLatch.await")
          .contains("DecodeEnrichProcessor");
      assertThat(exits).containsExactly(70);

      // and when released, it polls again, is no longer named, and the article comes out
      release.countDown();
      await().atMost(TIMEOUT).until(() -> watch.stalledThreads().isEmpty());
      await().atMost(TIMEOUT).until(() -> enriched.values().size() == 1);
      assertThat(enriched.values().get(0).getTitle()).isEqualTo(BLOCKING_TITLE);
    } finally {
      release.countDown();
      streams.close(Duration.ofSeconds(30));
    }
  }
}
