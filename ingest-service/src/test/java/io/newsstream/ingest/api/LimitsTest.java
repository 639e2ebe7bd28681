package io.newsstream.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.newsstream.ingest.TestHttp;
import io.newsstream.ingest.auth.ApiKeys;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Size, item and rate limits without a broker. Every request here is refused or invalid, so
 * nothing reaches the (unreachable) Kafka.
 */
class LimitsTest {

  static final String KEY = "limits-key";
  static final String BURSTY_KEY = "bursty-key";

  static EmbeddedServer server;
  static TestHttp http;

  @BeforeAll
  static void start() {
    server = ApplicationContext.run(EmbeddedServer.class, Map.of(
        "micronaut.server.port", -1,
        "newsstream.ingest.kafka.bootstrap-servers", "127.0.0.1:1",
        "newsstream.ingest.kafka.schema-registry-url", "mock://limits-test",
        "newsstream.ingest.limits.max-article-bytes", 1000,
        "newsstream.ingest.limits.max-batch-bytes", 5000,
        "newsstream.ingest.limits.max-batch-items", 3,
        "newsstream.ingest.auth.api-keys",
        "limits:" + ApiKeys.sha256Hex(KEY) + ",bursty:" + ApiKeys.sha256Hex(BURSTY_KEY),
        "newsstream.ingest.rate-limit.capacity", 50,
        "newsstream.ingest.rate-limit.refill-per-second", 0.01));
    http = new TestHttp(server.getURI());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void shouldAnswer413ForAChunkedBodyThatGrowsPastTheLimit() throws Exception {
    // given: no Content-Length, so the limit applies while reading
    byte[] body = ("{\"url\":\"https://a.example/\",\"title\":\"t\",\"body\":\"" + "x".repeat(5000) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    // when
    HttpResponse<String> response = http.post("/v1/articles", "application/json",
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), "X-API-Key", KEY);
    // then
    ApiErrorsTest.problem(response, 413);
  }

  @Test
  void shouldAnswer413ForAChunkedBodyOverTheRouteLimitButUnderTheServerLimit() throws Exception {
    // given: 2,000 bytes, over the article limit (1,000), under the server's (5,000)
    byte[] body = ("{\"url\":\"https://a.example/\",\"title\":\"t\",\"body\":\"" + "x".repeat(2000) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    // when
    HttpResponse<String> response = http.post("/v1/articles", "application/json",
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), "X-API-Key", KEY);
    // then
    ApiErrorsTest.problem(response, 413);
  }

  @Test
  void shouldAnswer413ForABatchOverTheByteLimitBeforeReadingIt() throws Exception {
    // when
    HttpResponse<String> response =
        http.post("/v1/articles/batch", "application/json", "[" + " ".repeat(6000) + "]", "X-API-Key", KEY);
    // then
    ApiErrorsTest.problem(response, 413);
  }

  @Test
  void shouldStopReadingABatchAtTheItemLimitAndSaySo() throws Exception {
    // given: five items without title (invalid, so nothing is published)
    String ndjson = "{\"url\":\"https://a.example/1\",\"body\":\"b\"}\n".repeat(5);
    // when
    HttpResponse<String> response = http.post("/v1/articles/batch", "application/x-ndjson", ndjson, "X-API-Key", KEY);
    // then
    assertThat(response.statusCode()).isEqualTo(207);
    JsonNode answer = ApiErrorsTest.JSON.readTree(response.body());
    JsonNode results = answer.get("results");
    assertThat(results).hasSize(4);
    assertThat(results.get(3).get("index").asInt()).isEqualTo(3);
    assertThat(results.get(3).get("errors").get(0).get("rule").asText()).isEqualTo("max-items");
    assertThat(answer.get("accepted").asInt()).isZero();
    assertThat(answer.get("rejected").asInt()).isEqualTo(results.size());
  }

  @Test
  void shouldAnswer429WithRetryAfterWhenAClientExhaustsItsBucket() throws Exception {
    // given: a bucket of 50 that refills one token per 100 s
    HttpResponse<String> last = null;
    for (int i = 0; i < 51; i++) {
      last = http.post("/v1/articles", "application/json", "{}", "X-API-Key", BURSTY_KEY);
    }
    // then
    ApiErrorsTest.problem(last, 429);
    assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
        v -> assertThat(Long.parseLong(v)).isBetween(1L, 101L));
    // and another client is not affected
    assertThat(http.post("/v1/articles", "application/json", "{}", "X-API-Key", KEY).statusCode()).isEqualTo(400);
  }
}
