package io.newsstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.localstack.kafka.TopicSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UpOptionsTest {

  @Test
  void shouldUseDocumentedDefaultsWithoutArguments() {
    // when
    Up.Options options = Up.Options.parse();

    // then
    assertThat(options.kafkaPort).isEqualTo(9092);
    assertThat(options.registryPort).isEqualTo(8081);
    assertThat(options.ingestPort).isEqualTo(8080);
    assertThat(options.processorPort).isEqualTo(8082);
    assertThat(options.workDir.getFileName()).hasToString(".newsstream");
    assertThat(options.ingestJar.toString()).endsWith("ingest-service/target/ingest-service-0.1.0-SNAPSHOT-all.jar");
    assertThat(options.processorJar.toString()).endsWith("stream-processor/target/stream-processor-0.1.0-SNAPSHOT-all.jar");
    assertThat(options.topics).contains(TopicSpec.of("articles.raw", 4), TopicSpec.of("articles.topic.general", 2));
    assertThat(options.infraOnly).isFalse();
  }

  @Test
  void shouldDefaultToEveryTopicOfTheDesign() {
    assertThat(Up.DEFAULT_TOPICS).extracting(TopicSpec::name).containsExactlyInAnyOrder(
        "articles.raw", "articles.enriched", "articles.duplicates", "articles.dlq",
        "articles.topic.politics", "articles.topic.business", "articles.topic.technology",
        "articles.topic.science", "articles.topic.health", "articles.topic.sport",
        "articles.topic.entertainment", "articles.topic.general");
    assertThat(Up.DEFAULT_TOPICS).allMatch(t -> t.partitions() >= 1 && t.partitions() <= 4);
  }

  @Test
  void shouldOverrideTopicsPortsAndPathsFromArguments() {
    // when
    Up.Options options = Up.Options.parse("--infra-only", "--kafka-port", "0", "--registry-port=18081",
        "--topics", "a:2,b", "--work-dir", "/tmp/ns", "--ingest-jar=/x/in.jar", "--ephemeral");

    // then
    assertThat(options.infraOnly).isTrue();
    assertThat(options.ephemeral).isTrue();
    assertThat(options.kafkaPort).isZero();
    assertThat(options.registryPort).isEqualTo(18081);
    assertThat(options.topics).containsExactly(TopicSpec.of("a", 2), TopicSpec.of("b", 1));
    assertThat(options.workDir).isEqualTo(Path.of("/tmp/ns"));
    assertThat(options.ingestJar).isEqualTo(Path.of("/x/in.jar"));
  }

  @Test
  void shouldRejectUnknownOptionsAndBadPorts() {
    assertThatThrownBy(() -> Up.Options.parse("--frobnicate", "x")).hasMessageContaining("unknown option");
    assertThatThrownBy(() -> Up.Options.parse("--kafka-port", "http")).hasMessageContaining("not a port");
    assertThatThrownBy(() -> Up.Options.parse("--kafka-port")).hasMessageContaining("missing value");
  }
}
