package io.newsstream.processor.runtime;

import static io.newsstream.processor.testing.Articles.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.newsstream.localstack.LocalStack;
import io.newsstream.localstack.LocalStackExtension;
import io.newsstream.processor.testing.KafkaClients;
import io.newsstream.processor.testing.Namespaced;
import io.newsstream.processor.testing.KafkaClients.TopicReader;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.avro.DeadLetter;
import io.newsstream.schemas.avro.DuplicateDetected;
import io.newsstream.schemas.avro.DuplicateKind;
import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.schemas.avro.TopicScore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real application (Micronaut + Kafka Streams, real enricher) against the real local broker
 * and registry: topics are created at start-up, articles are enriched and routed, duplicates
 * dropped, poison records dead-lettered, all read back with read_committed.
 */
@ExtendWith(LocalStackExtension.class)
class StreamProcessorIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String SPORT_BODY =
      "The home team won the football final on Sunday after a late goal in extra time. The coach praised"
          + " the players and the fans who filled the stadium, while the losing side said the referee missed"
          + " a penalty in the first half. Both clubs now prepare for the league season, which starts in August.";
  /** A text of its own: a copy of another test's article would be that article's near-duplicate. */
  private static final String BUDGET_BODY =
      "The parliament passed the budget after a long debate on Thursday, with 312 votes in favour and"
          + " 270 against. The finance minister said the plan would cut the deficit to three percent of"
          + " output within two years while raising spending on schools and hospitals. Opposition parties"
          + " said the tax increases would hurt small businesses and promised to challenge parts of the law"
          + " in court. The budget now goes to the upper house, which is expected to approve it next month.";

  private static final String MUSEUM_BODY =
      "The city museum reopened its east wing on Saturday after three years of repairs to the roof and"
          + " the old galleries. Visitors queued from early morning to see the restored paintings, and the"
          + " director said ticket sales for the first month had already passed forty thousand.";

  private static final String TECH_BODY =
      "The software company released a new artificial intelligence chip for cloud computing data centers."
          + " Engineers said the processor doubles performance for machine learning workloads, and the"
          + " technology will reach smartphones and laptops next year. Analysts expect strong demand from"
          + " internet platforms that train large language models on servers.";

  @TempDir static Path stateDir;

  private static String ns;
  private static EmbeddedServer server;
  private static KafkaClients clients;

  @BeforeAll
  static void startApplication(LocalStack stack) {
    ns = "it" + UUID.randomUUID().toString().substring(0, 8);
    stack.createTopic(ns + ".articles.raw", 4);
    Map<String, Object> props = Namespaced.properties(stack, ns, stateDir);
    server = ApplicationContext.run(EmbeddedServer.class, props);
    clients = new KafkaClients(stack.bootstrapServers(), stack.schemaRegistryUrl());
  }

  @AfterAll
  static void stopApplication() {
    if (clients != null) {
      clients.close();
    }
    if (server != null) {
      server.getApplicationContext().close();
    }
  }

  @Test
  void shouldReportHealthUpOnceKafkaStreamsRuns() {
    // given the application started in @BeforeAll

    // when / then
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              HttpResponse<String> response = get("/health");
              assertThat(response.statusCode()).isEqualTo(200);
              assertThat(response.body()).contains("\"state\":\"RUNNING\"");
            });
  }

  @Test
  void shouldAnswerAWrongPathOrMethodWithAProblemNamingWhatThePortServes() throws Exception {
    // given the application started in @BeforeAll

    // when
    HttpResponse<String> notFound = get("/articles");
    HttpResponse<String> wrongMethod =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/prometheus"))
                    .DELETE()
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(notFound.body())
        .contains("\"status\":404")
        .contains("no resource at /articles; this port serves GET /health and GET /prometheus")
        .doesNotContain("_links");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.body()).contains("method DELETE is not allowed on /prometheus");
  }

  @Test
  void shouldServeNoManagementEndpointButHealthAndPrometheus() throws Exception {
    // given the application started in @BeforeAll

    // when / then: bean definitions, routes, thread stacks and a context refresh are not for anyone
    // who reaches the port
    for (String path : List.of("/beans", "/routes", "/threaddump", "/info", "/metrics", "/loggers", "/env")) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(404);
    }
    HttpResponse<String> refresh =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/refresh"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(refresh.statusCode()).isEqualTo(404);
    assertThat(get("/prometheus").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldServeStageMetricsAndTheMetricsOfEveryKindOfStore() {
    // given the application started in @BeforeAll, whose stores are window stores (the dedup
    // steps) and a key-value store (the reorder window's hold store)
    ArticleSubmitted article = submitted("https://metrics.example.com/story/" + UUID.randomUUID(), "Museum reopens", MUSEUM_BODY);

    // when
    clients.send(ns + ".articles.raw", null, article);

    // then: Micrometer binds Kafka metrics that appeared since start-up once a minute
    await()
        .atMost(TIMEOUT.plusSeconds(30))
        .untilAsserted(
            () -> {
              HttpResponse<String> response = get("/prometheus");
              assertThat(response.statusCode()).isEqualTo(200);
              assertThat(response.body())
                  .contains("newsstream_processor_articles_processed_total")
                  .contains("newsstream_processor_articles_routed_total{")
                  .contains("store=\"dedup-url-store\"")
                  .contains("store=\"dedup-text-hold-store\"")
                  .doesNotContain("state_id=");
            });
  }

  @Test
  void shouldEnrichArticleAndRouteItToItsTopicStream() {
    // given
    ArticleSubmitted article = submitted("https://www.example.com/tech/chip?utm_source=x", "New AI chip for data centers", TECH_BODY);

    // when
    clients.send(ns + ".articles.raw", null, article);

    // then
    EnrichedArticle enriched;
    try (TopicReader<EnrichedArticle> reader = clients.reader(ns + ".articles.enriched", EnrichedArticle.class)) {
      enriched =
          await()
              .atMost(TIMEOUT)
              .until(() -> find(reader.values(), article.getEventId()), found -> found != null);
    }
    assertThat(enriched.getDomain()).isEqualTo("example.com");
    // the language value itself is the enricher's business (DefaultArticleEnricherTest)
    assertThat(enriched.getLanguage()).isNotBlank();
    assertThat(enriched.getWordCount()).isGreaterThan(40);
    assertThat(enriched.getRevision()).isEqualTo(1);
    List<String> streams =
        enriched.getTopics().isEmpty() ? List.of("general") : enriched.getTopics().stream().map(TopicScore::getName).toList();
    for (String topic : streams) {
      try (TopicReader<EnrichedArticle> reader = clients.reader(ns + ".articles.topic." + topic, EnrichedArticle.class)) {
        List<ConsumerRecord<byte[], EnrichedArticle>> records =
            await().atMost(TIMEOUT).until(reader::poll, list -> find(values(list), article.getEventId()) != null);
        ConsumerRecord<byte[], EnrichedArticle> record =
            records.stream().filter(r -> r.value().getEventId().equals(article.getEventId())).findFirst().orElseThrow();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(enriched.getArticleId());
      }
    }
  }

  @Test
  void shouldEmitTheSameArticlePostedTwiceOnceAndReportTheSecondAsDuplicate() {
    // given
    String url = "https://news.example.org/story/" + UUID.randomUUID();
    ArticleSubmitted first = submitted(url, "Parliament passes budget", BUDGET_BODY);
    ArticleSubmitted second = submitted(url, first.getTitle(), first.getBody());

    // when
    clients.send(ns + ".articles.raw", 0, first);
    clients.send(ns + ".articles.raw", 3, second);

    // then
    try (TopicReader<DuplicateDetected> duplicates = clients.reader(ns + ".articles.duplicates", DuplicateDetected.class);
        TopicReader<EnrichedArticle> enriched = clients.reader(ns + ".articles.enriched", EnrichedArticle.class)) {
      List<DuplicateDetected> dups =
          await()
              .atMost(TIMEOUT)
              .until(
                  () -> duplicates.values().stream().filter(d -> d.getCanonicalUrl().equals(url)).toList(),
                  list -> !list.isEmpty());
      assertThat(dups).hasSize(1);
      assertThat(dups.get(0).getKind()).isEqualTo(DuplicateKind.SAME_URL_SAME_CONTENT);
      List<EnrichedArticle> emitted =
          await()
              .atMost(TIMEOUT)
              .until(
                  () -> enriched.values().stream().filter(a -> a.getCanonicalUrl().equals(url)).toList(),
                  list -> !list.isEmpty());
      assertThat(emitted).hasSize(1);
      assertThat(dups.get(0).getDuplicateOf()).isEqualTo(emitted.get(0).getArticleId());
      assertThat(List.of(first.getEventId(), second.getEventId()))
          .containsExactlyInAnyOrder(emitted.get(0).getEventId(), dups.get(0).getEventId());
    }
  }

  @Test
  void shouldDeadLetterGarbageBytesWithCoordinatesAndProcessLaterRecords() {
    // given
    byte[] key = ("garbage-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    byte[] garbage = "{\"this is\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);

    // when
    RecordMetadata poison = clients.sendBytes(ns + ".articles.raw", 2, key, garbage);
    ArticleSubmitted later = submitted("https://later.example.net/after-garbage/" + UUID.randomUUID(), "After the garbage", SPORT_BODY);
    clients.send(ns + ".articles.raw", 2, later);

    // then
    try (TopicReader<DeadLetter> dlq = clients.reader(ns + ".articles.dlq", DeadLetter.class);
        TopicReader<EnrichedArticle> enriched = clients.reader(ns + ".articles.enriched", EnrichedArticle.class)) {
      List<ConsumerRecord<byte[], DeadLetter>> letters =
          await()
              .atMost(TIMEOUT)
              .until(
                  () -> dlq.poll().stream().filter(r -> java.util.Arrays.equals(r.key(), key)).toList(),
                  list -> !list.isEmpty());
      assertThat(letters).hasSize(1);
      DeadLetter letter = letters.get(0).value();
      assertThat(letter.getSourceTopic()).isEqualTo(ns + ".articles.raw");
      assertThat(letter.getPartition()).isEqualTo(poison.partition());
      assertThat(letter.getOffset()).isEqualTo(poison.offset());
      assertThat(letter.getStage()).isEqualTo("decode");
      assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).isEqualTo(new String(garbage, StandardCharsets.UTF_8));
      await().atMost(TIMEOUT).until(() -> find(enriched.values(), later.getEventId()) != null);
    }
  }

  /** GET of one of the application's HTTP endpoints. */
  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static EnrichedArticle find(List<EnrichedArticle> articles, String eventId) {
    return articles.stream().filter(a -> a.getEventId().equals(eventId)).findFirst().orElse(null);
  }

  private static <V> List<V> values(List<ConsumerRecord<byte[], V>> records) {
    return records.stream().map(ConsumerRecord::value).toList();
  }
}
