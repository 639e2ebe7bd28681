package io.newsstream.schemas.serde;

import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.avro.DeadLetter;
import io.newsstream.schemas.avro.DuplicateDetected;
import io.newsstream.schemas.avro.DuplicateKind;
import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.schemas.avro.Entity;
import io.newsstream.schemas.avro.TopicScore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One realistic instance of every value type, and serde configurations for the tests. */
final class SampleRecords {

  static final Instant RECEIVED_AT = Instant.parse("2026-03-01T10:15:30.123Z");

  private SampleRecords() {}

  /** A fresh in-memory registry scope, so tests never see each other's schemas. */
  static String mockUrl() {
    return "mock://" + UUID.randomUUID();
  }

  static Map<String, Object> config(String registryUrl) {
    Map<String, Object> config = new HashMap<>();
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl);
    return config;
  }

  static ArticleSubmitted articleSubmitted() {
    return ArticleSubmitted.newBuilder()
        .setEventId("7d4c2f4e-0f7e-4d25-9a55-3f1f0b1a2c3d")
        .setUrl("https://www.moneycontrol.com/news/business/economy/nso-gdp-12345.html?utm_source=whatsapp")
        .setTitle("NSO revises GDP growth estimate — Ünïcødé ✓ 日本語 🚀")
        .setBody("India's economy grew 7.6% in the July–September quarter, the statistics office said.")
        .setAuthor("Moneycontrol News")
        .setPublishedAt(Instant.parse("2026-02-28T18:00:00Z"))
        .setSourceName("Moneycontrol")
        .setLanguage("en")
        .setSubmittedBy("scraper-1")
        .setReceivedAt(RECEIVED_AT)
        .setAttributes(Map.of("section", "economy", "scraper.version", "2.1"))
        .build();
  }

  static EnrichedArticle enrichedArticle() {
    return EnrichedArticle.newBuilder()
        .setArticleId("a1b2c3")
        .setRevision(2)
        .setEventId("7d4c2f4e-0f7e-4d25-9a55-3f1f0b1a2c3d")
        .setUrl("https://www.moneycontrol.com/news/x.html?utm_source=whatsapp")
        .setCanonicalUrl("https://www.moneycontrol.com/news/x.html")
        .setDomain("moneycontrol.com")
        .setTitle("NSO revises GDP growth estimate")
        .setBody("India's economy grew 7.6% in the quarter.")
        .setAuthor(null)
        .setPublishedAt(null)
        .setSourceName("Moneycontrol")
        .setSubmittedBy("scraper-1")
        .setReceivedAt(RECEIVED_AT)
        .setProcessedAt(RECEIVED_AT.plusMillis(42))
        .setLanguage("en")
        .setLanguageConfidence(0.97)
        .setWordCount(8)
        .setReadingTimeSeconds(3)
        .setKeywords(List.of("gdp", "economy", "quarter"))
        .setEntities(List.of(new Entity("India", "LOCATION"), new Entity("NSO", "ORGANIZATION")))
        .setTopics(List.of(new TopicScore("business", 0.8), new TopicScore("politics", 0.1)))
        .setContentHash("sha256:0f1e2d")
        .setSimhash(-1234567890123456789L)
        .setAttributes(Map.of("section", "economy"))
        .build();
  }

  static DuplicateDetected duplicateDetected() {
    return DuplicateDetected.newBuilder()
        .setArticleId("a1b2c3")
        .setEventId("evt-2")
        .setCanonicalUrl("https://www.moneycontrol.com/news/x.html")
        .setTitle("NSO revises GDP growth estimate")
        .setDuplicateOf("a1b2c3")
        .setDuplicateOfEventId("evt-1")
        .setKind(DuplicateKind.NEAR_DUPLICATE)
        .setDistance(2)
        .setDetectedAt(RECEIVED_AT)
        .build();
  }

  static DeadLetter deadLetter() {
    return DeadLetter.newBuilder()
        .setSourceTopic("articles.raw")
        .setPartition(3)
        .setOffset(1_234_567_890_123L)
        .setKey(ByteBuffer.wrap("https://example.com/a".getBytes(StandardCharsets.UTF_8)))
        .setValue(ByteBuffer.wrap(new byte[] {0x7f, 0x00, (byte) 0xff, 0x01}))
        .setStage("decode")
        .setErrorType("org.apache.kafka.common.errors.SerializationException")
        .setErrorMessage("unknown magic byte 0x7f")
        .setFailedAt(RECEIVED_AT)
        .build();
  }
}
