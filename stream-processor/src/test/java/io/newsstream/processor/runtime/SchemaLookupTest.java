package io.newsstream.processor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.avro.DeadLetter;
import io.newsstream.schemas.avro.DuplicateDetected;
import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.schemas.serde.AvroSerdeConfig;
import io.newsstream.schemas.serde.InMemorySchemaRegistryClient;
import io.newsstream.schemas.serde.SchemaRegistryException;
import io.newsstream.schemas.topics.TopicNames;
import io.newsstream.schemas.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaLookupTest {

  private final String scope = UUID.randomUUID().toString();

  @AfterEach
  void dropRegistry() {
    InMemorySchemaRegistryClient.dropScope(scope);
  }

  @Test
  void shouldRegisterEveryOutputSchemaAndLoadTheRawTopicsLatestSchemaBeforeAnyRecord() {
    // given: a registry that holds only the raw topic's schema, as after ingest-service's first article
    InMemorySchemaRegistryClient registry = InMemorySchemaRegistryClient.forScope(scope);
    registry.register("articles.raw-value", ArticleSubmitted.getClassSchema());
    Topics topics = new Topics(TopicNames.defaults(), Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://" + scope));

    // when
    int found = new SchemaLookup(topics, List.of("politics", "sport")).run();

    // then: raw, enriched, duplicates, dead letters, two topic streams and general
    assertThat(found).isEqualTo(7);
    assertThat(registry.idOf("articles.topic.politics-value", EnrichedArticle.getClassSchema()))
        .isEqualTo(registry.idOf("articles.topic.general-value", EnrichedArticle.getClassSchema()))
        .isEqualTo(registry.idOf("articles.enriched-value", EnrichedArticle.getClassSchema()));
    assertThat(registry.latest("articles.topic.sport-value").schema()).isEqualTo(EnrichedArticle.getClassSchema());
    assertThat(registry.latest("articles.duplicates-value").schema()).isEqualTo(DuplicateDetected.getClassSchema());
    assertThat(registry.latest("articles.dlq-value").schema()).isEqualTo(DeadLetter.getClassSchema());
  }

  @Test
  void shouldRegisterTheOutputSchemasBeforeAnythingWasPublished() {
    // given: an empty registry
    InMemorySchemaRegistryClient registry = InMemorySchemaRegistryClient.forScope(scope);
    Topics topics = new Topics(TopicNames.defaults(), Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://" + scope));

    // when
    int found = new SchemaLookup(topics, List.of("politics")).run();

    // then: all but the raw topic's schema, which comes with the first article
    assertThat(found).isEqualTo(5);
    assertThat(registry.latest("articles.topic.general-value").schema()).isEqualTo(EnrichedArticle.getClassSchema());
    assertThatThrownBy(() -> registry.latest("articles.raw-value")).isInstanceOf(SchemaRegistryException.class);
  }

  @Test
  void shouldStopAtARegistryThatDoesNotAnswerWithoutThrowing() {
    // given: nothing listening on port 1
    Topics topics =
        new Topics(
            TopicNames.defaults(),
            Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://127.0.0.1:1/apis/ccompat/v7",
                AvroSerdeConfig.REQUEST_TIMEOUT_MS_CONFIG, "1000"));

    // when
    int found = new SchemaLookup(topics, List.of("politics")).run();

    // then
    assertThat(found).isZero();
  }
}
