package io.newsstream.schemas.topics;

import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.avro.DeadLetter;
import io.newsstream.schemas.avro.DuplicateDetected;
import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.schemas.serde.SpecificAvroSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Newsstream's topics with their serdes, built from topic names and the serde configuration
 * ({@code schema.registry.url} and friends). Create one per application and share it.
 */
public final class Topics {

  private final TopicNames names;
  private final Map<String, ?> serdeConfig;
  private final TopicDefinition<String, ArticleSubmitted> raw;
  private final TopicDefinition<String, EnrichedArticle> enriched;
  private final TopicDefinition<String, DuplicateDetected> duplicates;
  private final TopicDefinition<byte[], DeadLetter> deadLetter;

  public Topics(TopicNames names, Map<String, ?> serdeConfig) {
    this.names = names;
    this.serdeConfig = Map.copyOf(serdeConfig);
    this.raw = new TopicDefinition<>(names.raw(), Serdes.String(), valueSerde(ArticleSubmitted.class));
    this.enriched = new TopicDefinition<>(names.enriched(), Serdes.String(), valueSerde(EnrichedArticle.class));
    this.duplicates = new TopicDefinition<>(names.duplicates(), Serdes.String(), valueSerde(DuplicateDetected.class));
    this.deadLetter = new TopicDefinition<>(names.deadLetter(), Serdes.ByteArray(), valueSerde(DeadLetter.class));
  }

  public TopicNames names() {
    return names;
  }

  /** {@code articles.raw}: canonical URL to {@link ArticleSubmitted}. */
  public TopicDefinition<String, ArticleSubmitted> raw() {
    return raw;
  }

  /** {@code articles.enriched}: articleId to {@link EnrichedArticle}. */
  public TopicDefinition<String, EnrichedArticle> enriched() {
    return enriched;
  }

  /** {@code articles.duplicates}: articleId to {@link DuplicateDetected}. */
  public TopicDefinition<String, DuplicateDetected> duplicates() {
    return duplicates;
  }

  /** {@code articles.dlq}: original key bytes to {@link DeadLetter}. */
  public TopicDefinition<byte[], DeadLetter> deadLetter() {
    return deadLetter;
  }

  /** {@code articles.topic.<topic>}: articleId to {@link EnrichedArticle}. */
  public TopicDefinition<String, EnrichedArticle> topicStream(String topic) {
    return new TopicDefinition<>(names.topicStream(topic), Serdes.String(), enriched.valueSerde());
  }

  /** A configured value serde for any generated record type. */
  public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
    return SpecificAvroSerde.forValues(type, serdeConfig);
  }
}
