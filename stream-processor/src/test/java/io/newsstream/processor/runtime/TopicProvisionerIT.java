package io.newsstream.processor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.newsstream.localstack.LocalStack;
import io.newsstream.localstack.LocalStackExtension;
import io.newsstream.processor.testing.Namespaced;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Topics at start-up, on the real broker: created when missing, or a start-up error naming them. */
@ExtendWith(LocalStackExtension.class)
class TopicProvisionerIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path stateDir;

  @Test
  void shouldCreateOnlyTheMissingTopicsWithTheConfiguredPartitions(LocalStack stack) throws Exception {
    // given: one of three topics exists, with 2 partitions
    String ns = "tp" + UUID.randomUUID().toString().substring(0, 8);
    stack.createTopic(ns + ".a", 2);
    try (Admin admin = admin(stack)) {
      TopicProvisioner provisioner = new TopicProvisioner(admin, TIMEOUT);

      // when
      Set<String> created = provisioner.ensure(List.of(ns + ".a", ns + ".b", ns + ".c"), true, 3, (short) 1);
      Set<String> again = provisioner.ensure(List.of(ns + ".a", ns + ".b", ns + ".c"), true, 3, (short) 1);

      // then
      assertThat(created).containsExactly(ns + ".b", ns + ".c");
      assertThat(again).isEmpty();
      Map<String, TopicDescription> topics = admin.describeTopics(List.of(ns + ".a", ns + ".b", ns + ".c")).allTopicNames().get();
      assertThat(topics.get(ns + ".a").partitions()).hasSize(2);
      assertThat(topics.get(ns + ".b").partitions()).hasSize(3);
      assertThat(topics.get(ns + ".c").partitions()).hasSize(3);
    }
  }

  @Test
  void shouldRefuseToStartNamingEveryMissingTopicWhenCreationIsDisabled(LocalStack stack) throws Exception {
    // given: only the input topic exists
    String ns = "tp" + UUID.randomUUID().toString().substring(0, 8);
    stack.createTopic(ns + ".articles.raw", 4);
    Map<String, Object> props = Namespaced.properties(stack, ns, stateDir);
    props.put("newsstream.processor.topic-create", "false");

    // when / then
    assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, props).close())
        .hasStackTraceContaining("Kafka at " + stack.bootstrapServers())
        .hasStackTraceContaining("topic creation is disabled (newsstream.processor.topic-create=false)")
        .hasStackTraceContaining(ns + ".articles.enriched")
        .hasStackTraceContaining(ns + ".articles.duplicates")
        .hasStackTraceContaining(ns + ".articles.dlq")
        .hasStackTraceContaining(ns + ".articles.topic.politics")
        .hasStackTraceContaining(ns + ".articles.topic.general");
    try (Admin admin = admin(stack)) {
      assertThat(admin.listTopics().names().get()).as("nothing created").noneMatch(name -> name.startsWith(ns + ".articles.topic."));
    }
  }

  private static Admin admin(LocalStack stack) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
  }
}
