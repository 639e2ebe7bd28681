package io.newsstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.newsstream.ingest.auth.ApiKeys;
import io.newsstream.schemas.url.UrlCanonicalizer;
import io.newsstream.localstack.LocalStack;
import io.newsstream.localstack.LocalStackExtension;
import io.newsstream.schemas.avro.ArticleSubmitted;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ingest-service end to end against the real broker and schema registry: what a 202 promises
 * is on the topic and decodes to the submitted fields; what is refused leaves the topic
 * untouched.
 */
@ExtendWith(LocalStackExtension.class)
class IngestServiceIT {

  static final String TOPIC = "ingest-it.articles.raw";
  static final String KEY = "it-scraper-key";
  static final ObjectMapper JSON = new ObjectMapper();

  static EmbeddedServer server;
  static TestHttp http;
  static RawTopicReader topic;

  @BeforeAll
  static void start(LocalStack stack) {
    stack.createTopic(TOPIC, 3);
    server = ApplicationContext.run(EmbeddedServer.class, Map.of(
        "micronaut.server.port", -1,
        "newsstream.ingest.kafka.bootstrap-servers", stack.bootstrapServers(),
        "newsstream.ingest.kafka.schema-registry-url", stack.schemaRegistryUrl(),
        "newsstream.ingest.kafka.topic", TOPIC,
        "newsstream.ingest.auth.api-keys", "it-scraper:" + ApiKeys.sha256Hex(KEY)));
    http = new TestHttp(server.getURI());
    topic = new RawTopicReader(stack.bootstrapServers(), stack.schemaRegistryUrl(), TOPIC);
  }

  @AfterAll
  static void stop() {
    if (topic != null) {
      topic.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static Path sample(String name) {
    String root = System.getProperty("newsstream.repo.root", "..");
    return Path.of(root, "..", "shared", "corpus", "samples", name);
  }

  @Test
  void shouldPublishTheSampleArticleAndAnswerWithItsCoordinates() throws Exception {
    // given
    String body = Files.readString(sample("moneycontrol-whatsapp-nso.json"));
    JsonNode submitted = JSON.readTree(body);
    // when
    HttpResponse<String> response = http.post("/v1/articles", "application/json", body, "X-API-Key", KEY);
    // then
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.get("topic").asText()).isEqualTo(TOPIC);
    ConsumerRecord<String, ArticleSubmitted> record =
        topic.at(answer.get("partition").asInt(), answer.get("offset").asLong());
    ArticleSubmitted event = record.value();
    assertThat(record.key()).isEqualTo(UrlCanonicalizer.DEFAULT.canonicalize(submitted.get("url").asText()));
    assertThat(event.getEventId()).isEqualTo(answer.get("eventId").asText());
    assertThat(event.getUrl()).isEqualTo(submitted.get("url").asText());
    assertThat(event.getTitle()).isEqualTo(submitted.get("title").asText());
    assertThat(event.getBody()).isEqualTo(submitted.get("body").asText());
    assertThat(event.getAuthor()).isNull();
    assertThat(event.getSourceName()).isEqualTo("Moneycontrol");
    assertThat(event.getPublishedAt()).isEqualTo(Instant.parse("2019-11-06T00:00:00Z"));
    assertThat(event.getSubmittedBy()).isEqualTo("it-scraper");
    assertThat(event.getReceivedAt()).isBefore(Instant.now().plusSeconds(1));
  }

  @Test
  void shouldPublishTheSampleMarkdownWithOutletTimeAndNoAuthor() throws Exception {
    // given
    String body = Files.readString(sample("moneycontrol-whatsapp-nso.md"));
    // when
    HttpResponse<String> response = http.post("/v1/articles", "text/markdown", body, "X-API-Key", KEY);
    // then
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode answer = JSON.readTree(response.body());
    ArticleSubmitted event = topic.at(answer.get("partition").asInt(), answer.get("offset").asLong()).value();
    assertThat(event.getTitle()).startsWith("WhatsApp breach: NSO meet police commissioners");
    assertThat(event.getUrl()).startsWith("https://www.moneycontrol.com/news/business/startup/whatsapp-breach");
    assertThat(event.getSourceName()).isEqualTo("Moneycontrol");
    assertThat(event.getPublishedAt()).isEqualTo(Instant.parse("2019-11-06T00:00:00Z"));
    assertThat(event.getAuthor()).isNull();
    assertThat(event.getSubmittedBy()).isEqualTo("it-scraper");
    assertThat(event.getBody()).startsWith("Trinamool Congress").doesNotContain("Original:");
  }

  @Test
  void shouldUseTheIdempotencyKeyAsEventId() throws Exception {
    // given
    String body = "{\"url\":\"https://news.example/a?utm_source=x&b=2&a=1#top\",\"title\":\"T\",\"body\":\"B\"}";
    // when
    HttpResponse<String> response =
        http.post("/v1/articles", "application/json", body, "X-API-Key", KEY, "Idempotency-Key", "retry-42");
    // then
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.get("eventId").asText()).isEqualTo("retry-42");
    ConsumerRecord<String, ArticleSubmitted> record =
        topic.at(answer.get("partition").asInt(), answer.get("offset").asLong());
    assertThat(record.value().getEventId()).isEqualTo("retry-42");
    assertThat(record.key()).isEqualTo("https://news.example/a?a=1&b=2");
  }

  @Test
  void shouldRefuseInvalidInputWithProblemsAndPublishNothing() {
    // given
    long before = topic.count();
    // when
    List<HttpResponse<String>> responses = List.of(
        http.post("/v1/articles", "application/json", "{\"url\": \"https://x.example/\", ", "X-API-Key", KEY),
        http.post("/v1/articles", "application/json", "{\"url\":\"https://x.example/a\",\"body\":\"b\"}", "X-API-Key", KEY),
        http.post("/v1/articles", "application/json", "{\"url\":\"/a\",\"title\":\"t\",\"body\":\"b\"}", "X-API-Key", KEY),
        http.post("/v1/articles", "text/plain", "{\"url\":\"https://x.example/a\",\"title\":\"t\",\"body\":\"b\"}",
            "X-API-Key", KEY),
        http.post("/v1/articles", "application/json", "{\"url\":\"https://x.example/a\",\"title\":\"t\",\"body\":\"b\"}"));
    // then
    assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(400, 400, 400, 415, 401);
    assertThat(responses).allSatisfy(r -> assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json")));
    assertThat(responses.get(1).body()).contains("\"field\":\"title\"", "\"rule\":\"required\"");
    assertThat(responses.get(2).body()).contains("\"field\":\"url\"", "\"rule\":\"absolute-http-url\"");
    assertThat(topic.count()).isEqualTo(before);
  }

  @Test
  void shouldPublishValidBatchItemsAndRejectInvalidOnesInRequestOrder() throws Exception {
    // given
    long before = topic.count();
    String batch = "["
        + "{\"id\":\"a-1\",\"url\":\"https://batch.example/1\",\"title\":\"One\",\"body\":\"First\"},"
        + "{\"id\":\"a-2\",\"url\":\"ftp://batch.example/2\",\"title\":\"Two\",\"body\":\"Second\"},"
        + "{\"url\":\"https://batch.example/3\",\"title\":\"Three\",\"body\":\"Third\"}"
        + "]";
    // when
    HttpResponse<String> response = http.post("/v1/articles/batch", "application/json", batch, "X-API-Key", KEY);
    // then
    assertThat(response.statusCode()).as(response.body()).isEqualTo(207);
    JsonNode results = JSON.readTree(response.body()).get("results");
    assertThat(results).hasSize(3);
    assertThat(results.findValuesAsText("index")).containsExactly("0", "1", "2");
    assertThat(results.findValuesAsText("status")).containsExactly("202", "400", "202");
    assertThat(results.get(0).get("id").asText()).isEqualTo("a-1");
    assertThat(results.get(0).get("eventId").asText()).isEqualTo("a-1");
    assertThat(results.get(1).get("errors").get(0).get("field").asText()).isEqualTo("url");
    assertThat(topic.count()).isEqualTo(before + 2);
  }

  @Test
  void shouldPublishExactlyTheValidItemsOfALargeNdjsonBatch() throws Exception {
    // given: 1,000 items of which every 100th has no title
    long before = topic.count();
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      String title = i % 100 == 7 ? "" : ",\"title\":\"Item " + i + "\"";
      ndjson.append("{\"url\":\"https://ndjson.example/").append(i).append("\"").append(title)
          .append(",\"body\":\"Body of item ").append(i).append("\"}\n");
    }
    // when
    HttpResponse<String> response =
        http.post("/v1/articles/batch", "application/x-ndjson", ndjson.toString(), "X-API-Key", KEY);
    // then
    assertThat(response.statusCode()).as(response.body()).isEqualTo(207);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.get("accepted").asInt()).isEqualTo(990);
    assertThat(answer.get("rejected").asInt()).isEqualTo(10);
    JsonNode results = answer.get("results");
    assertThat(results).hasSize(1000);
    for (JsonNode r : results) {
      int expected = r.get("index").asInt() % 100 == 7 ? 400 : 202;
      assertThat(r.get("status").asInt()).as("item %s", r.get("index")).isEqualTo(expected);
    }
    assertThat(topic.count()).isEqualTo(before + 990);
  }

  @Test
  void shouldReportReadinessOfKafkaAndRegistry() {
    // when
    HttpResponse<String> response = http.get("/health");
    // then
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("kafka", "schemaRegistry");
  }
}
