package io.newsstream.processor.runtime;

import static io.newsstream.processor.testing.Articles.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstream.localstack.LocalStack;
import io.newsstream.localstack.LocalStackExtension;
import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.testing.FakeEnricher;
import io.newsstream.processor.testing.KafkaClients;
import io.newsstream.processor.testing.Namespaced;
import io.newsstream.processor.testing.KafkaClients.TopicReader;
import io.newsstream.processor.topology.StreamsProperties;
import io.newsstream.processor.topology.TopologyFactory;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.avro.DuplicateDetected;
import io.newsstream.schemas.avro.DuplicateKind;
import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processor instances (own state directories, one application id) share a 4-partition
 * articles.raw; duplicates of every kind are sent to other partitions than their original, so
 * they are read by either instance, and must still be caught after the repartitions.
 */
@ExtendWith(LocalStackExtension.class)
class MultiInstanceIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final List<String> TAXONOMY = List.of("technology", "politics");

  @TempDir Path stateA;
  @TempDir Path stateB;

  private final List<KafkaStreams> instances = new ArrayList<>();

  @AfterEach
  void stop() {
    instances.forEach(s -> s.close(Duration.ofSeconds(30)));
  }

  private ProcessorConfig config(LocalStack stack, String ns, Path stateDir) {
    return Namespaced.config(stack, ns, stateDir);
  }

  private KafkaStreams start(ProcessorConfig config) {
    Topics topics = new Topics(config.topicNames(), StreamsProperties.serdeConfig(config));
    KafkaStreams streams =
        new KafkaStreams(
            new TopologyFactory().build(config, topics, new FakeEnricher(), TAXONOMY), StreamsProperties.streams(config));
    instances.add(streams);
    streams.start();
    return streams;
  }

  @Test
  void shouldCatchEveryKindOfDuplicateArrivingOnOtherPartitionsWithTwoInstances(LocalStack stack) {
    // given: topics, and two instances that split the tasks between them
    String ns = "mi" + UUID.randomUUID().toString().substring(0, 8);
    ProcessorConfig configA = config(stack, ns, stateA);
    Topics topics = new Topics(configA.topicNames(), StreamsProperties.serdeConfig(configA));
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(TopologyFactory.externalTopics(topics, TAXONOMY), true, 4, (short) 1);
    }
    KafkaStreams a = start(configA);
    KafkaStreams b = start(config(stack, ns, stateB));
    await()
        .atMost(TIMEOUT)
        .until(() -> a.state() == KafkaStreams.State.RUNNING && b.state() == KafkaStreams.State.RUNNING && hasActiveTasks(a) && hasActiveTasks(b));
    String raw = ns + ".articles.raw";

    try (KafkaClients clients = new KafkaClients(stack.bootstrapServers(), stack.schemaRegistryUrl());
        TopicReader<EnrichedArticle> enriched = clients.reader(ns + ".articles.enriched", EnrichedArticle.class);
        TopicReader<DuplicateDetected> duplicates = clients.reader(ns + ".articles.duplicates", DuplicateDetected.class)) {
      ArticleSubmitted original =
          submitted("https://one.example.com/story", "Chip exports", "Text of the story #technology [simhash:f0f0f0f0f0f0f0f0]");
      clients.send(raw, 0, original);
      await().atMost(TIMEOUT).until(() -> enriched.values().size() == 1);

      // when: each kind of duplicate on another partition
      ArticleSubmitted retry = original;
      ArticleSubmitted repost = submitted("https://one.example.com/story?utm_medium=social", original.getTitle(), original.getBody());
      ArticleSubmitted syndicated = submitted("https://two.example.net/wire/1", original.getTitle(), original.getBody());
      ArticleSubmitted edited =
          submitted("https://three.example.org/copy", "Chip exports!", "Text of the story, edited #technology [simhash:f0f0f0f1f0f0f0f1]");
      clients.send(raw, 1, retry);
      clients.send(raw, 2, repost);
      clients.send(raw, 3, syndicated);
      clients.send(raw, 1, edited);

      // then
      List<DuplicateDetected> dups = await().atMost(TIMEOUT).until(duplicates::values, list -> list.size() >= 4);
      assertThat(dups)
          .extracting(DuplicateDetected::getKind)
          .containsExactlyInAnyOrder(
              DuplicateKind.SAME_EVENT, DuplicateKind.SAME_URL_SAME_CONTENT, DuplicateKind.SAME_CONTENT, DuplicateKind.NEAR_DUPLICATE);
      String originalId = enriched.values().get(0).getArticleId();
      assertThat(dups).extracting(DuplicateDetected::getDuplicateOf).containsOnly(originalId);
      assertThat(dups)
          .filteredOn(d -> d.getKind() == DuplicateKind.NEAR_DUPLICATE)
          .extracting(DuplicateDetected::getDistance)
          .containsExactly(2);
      assertThat(enriched.values()).hasSize(1);
    }
  }

  private static boolean hasActiveTasks(KafkaStreams streams) {
    return streams.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum() > 0;
  }

}
