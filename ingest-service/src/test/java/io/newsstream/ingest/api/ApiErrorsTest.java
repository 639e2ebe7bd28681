package io.newsstream.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.newsstream.ingest.TestHttp;
import io.newsstream.ingest.auth.ApiKeys;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP error contract without a broker: every refusal that happens before publishing is a
 * problem+json response with the right status, and none leaks internals. Kafka points at a
 * closed port, so any attempt to publish would fail the test with 503 instead of the expected
 * status.
 */
class ApiErrorsTest {

  static final String KEY = "test-key-123";
  static final String DISABLED_KEY = "disabled-key-456";
  static final String LIMITED_KEY = "limited-key-789";

  static EmbeddedServer server;
  static TestHttp http;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    server = ApplicationContext.run(EmbeddedServer.class, Map.of(
        "micronaut.server.port", -1,
        "newsstream.ingest.kafka.bootstrap-servers", "127.0.0.1:1",
        "newsstream.ingest.kafka.schema-registry-url", "mock://api-errors-test",
        "newsstream.ingest.kafka.max-block", "500ms",
        "newsstream.ingest.kafka.delivery-timeout", "2500ms",
        "newsstream.ingest.limits.max-article-bytes", 10_000,
        "newsstream.ingest.auth.api-keys",
        "scraper:" + ApiKeys.sha256Hex(KEY) + ",old:" + ApiKeys.sha256Hex(DISABLED_KEY) + ":disabled",
        "newsstream.ingest.rate-limit.capacity", 1000));
    http = new TestHttp(server.getURI());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    assertThat(response.body()).doesNotContain("Exception", "io.micronaut", "io.newsstream", "\tat ");
    JsonNode node = JSON.readTree(response.body());
    assertThat(node.get("status").asInt()).isEqualTo(status);
    assertThat(node.get("title").asText()).isNotBlank();
    assertThat(node.get("type").asText()).isNotBlank();
    return node;
  }

  @Test
  void shouldAnswer401WithoutKey() throws Exception {
    // when
    HttpResponse<String> response = http.post("/v1/articles", "application/json", "{}");
    // then
    problem(response, 401);
  }

  @Test
  void shouldAnswer401ForUnknownKeyWithoutEchoingIt() throws Exception {
    // when
    HttpResponse<String> response = http.post("/v1/articles", "application/json", "{}", "X-API-Key", "guess-me");
    // then
    problem(response, 401);
    assertThat(response.body()).doesNotContain("guess-me");
  }

  @Test
  void shouldAnswer403ForDisabledKey() throws Exception {
    // when
    HttpResponse<String> response =
        http.post("/v1/articles", "application/json", "{}", "Authorization", "Bearer " + DISABLED_KEY);
    // then
    problem(response, 403);
  }

  @Test
  void shouldAnswer400NamingEveryBadFieldAndRule() throws Exception {
    // given
    String body = "{\"url\":\"/relative/path\",\"body\":\"text\",\"language\":\"english\",\"tittle\":\"typo\"}";
    // when
    HttpResponse<String> response = http.post("/v1/articles", "application/json", body, "X-API-Key", KEY);
    // then
    JsonNode problem = problem(response, 400);
    assertThat(problem.get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("tittle", "url", "title", "language");
    assertThat(problem.get("errors").findValuesAsText("rule"))
        .containsExactlyInAnyOrder("unknown-field", "absolute-http-url", "required", "iso-639-1");
  }

  @Test
  void shouldAnswer400ForMalformedJson() throws Exception {
    // when
    HttpResponse<String> response = http.post("/v1/articles", "application/json", "{\"url\": ", "X-API-Key", KEY);
    // then
    JsonNode problem = problem(response, 400);
    assertThat(problem.get("errors").get(0).get("rule").asText()).isEqualTo("json-syntax");
  }

  @Test
  void shouldAnswer400ForInvalidUtf8() throws Exception {
    // given
    byte[] body = "{\"url\":\"https://a.example/x\",\"title\":\"t\u00FF\",\"body\":\"b\"}"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    // when
    HttpResponse<String> response = http.post("/v1/articles", "application/json", body, "X-API-Key", KEY);
    // then
    JsonNode problem = problem(response, 400);
    assertThat(problem.get("errors").get(0).get("rule").asText()).isEqualTo("utf-8");
  }

  @Test
  void shouldAnswerAnEmptyBodyWithTheSameProblemAsAWhitespaceBodyOnEveryEndpointAndFormat() throws Exception {
    // given
    String[][] routes = {
        {"/v1/articles", "application/json", "json-object"},
        {"/v1/articles", "text/markdown", "missing-line"},
        {"/v1/articles/batch", "application/json", "json-array"},
        {"/v1/articles/batch", "application/x-ndjson", "json-object"}};
    for (String[] route : routes) {
      // when
      HttpResponse<String> empty = http.post(route[0], route[1], new byte[0], "X-API-Key", KEY);
      HttpResponse<String> blank = http.post(route[0], route[1], " \n", "X-API-Key", KEY);
      // then
      assertThat(empty.statusCode()).as("%s %s", route[0], route[1]).isEqualTo(blank.statusCode());
      assertThat(empty.body()).as("%s %s", route[0], route[1]).isEqualTo(blank.body());
      JsonNode problem = problem(empty, 400);
      assertThat(problem.get("errors").findValuesAsText("rule")).as("%s %s", route[0], route[1]).contains(route[2]);
    }
    assertThat(http.get("/prometheus").body()).doesNotContain("UnsatisfiedBodyRouteException");
  }

  @Test
  void shouldAnswer400ForAnEmptyJsonArrayBatch() throws Exception {
    // when
    HttpResponse<String> response = http.post("/v1/articles/batch", "application/json", "[]", "X-API-Key", KEY);
    // then
    JsonNode problem = problem(response, 400);
    assertThat(problem.get("errors").findValuesAsText("rule")).containsExactly("min-items");
    assertThat(problem.get("detail").asText()).isEqualTo("the batch is empty; send at least one article");
  }

  @Test
  void shouldAnswer415ForWrongContentType() throws Exception {
    // when
    HttpResponse<String> response = http.post("/v1/articles", "text/plain", "hello", "X-API-Key", KEY);
    // then
    problem(response, 415);
  }

  @Test
  void shouldAnswer415NamingACharsetOtherThanUtf8() throws Exception {
    // given
    String[][] routes = {
        {"/v1/articles", "application/json; charset=iso-8859-1"},
        {"/v1/articles", "text/markdown; charset=windows-1252"},
        {"/v1/articles/batch", "application/json;charset=ISO-8859-1"},
        {"/v1/articles/batch", "application/x-ndjson; charset=utf-16"}};
    byte[] body = "{\"title\":\"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    for (String[] route : routes) {
      // when
      HttpResponse<String> response = http.post(route[0], route[1], body, "X-API-Key", KEY);
      // then
      JsonNode problem = problem(response, 415);
      String charset = route[1].substring(route[1].indexOf('=') + 1);
      assertThat(problem.get("detail").asText()).as(route[1]).containsIgnoringCase(charset).contains("UTF-8");
    }
  }

  @Test
  void shouldReadABodyDeclaredUtf8InAnySpellingOfTheCharset() throws Exception {
    for (String contentType : new String[] {"application/json; charset=UTF-8", "application/json; charset=\"utf-8\"",
        "application/json; charset=utf8", "application/json; charset=us-ascii"}) {
      // when: a readable article without title
      HttpResponse<String> response = http.post("/v1/articles", contentType,
          "{\"url\":\"https://a.example/x\",\"body\":\"b\"}", "X-API-Key", KEY);
      // then
      JsonNode problem = problem(response, 400);
      assertThat(problem.get("errors").findValuesAsText("rule")).as(contentType).containsExactly("required");
    }
  }

  @Test
  void shouldReadABodyWithoutContentTypeAsJson() throws Exception {
    // when: a readable article without title, and no Content-Type
    HttpResponse<String> single =
        http.post("/v1/articles", null, "{\"url\":\"https://a.example/x\",\"body\":\"b\"}", "X-API-Key", KEY);
    HttpResponse<String> batch =
        http.post("/v1/articles/batch", null, "[{\"url\":\"https://a.example/x\",\"body\":\"b\"}]", "X-API-Key", KEY);
    // then
    assertThat(problem(single, 400).get("errors").findValuesAsText("field")).containsExactly("title");
    assertThat(batch.statusCode()).as(batch.body()).isEqualTo(207);
    assertThat(JSON.readTree(batch.body()).get("results").get(0).get("errors").findValuesAsText("field"))
        .containsExactly("title");
  }

  @Test
  void shouldAnswer413WhenContentLengthExceedsTheLimit() throws Exception {
    // given
    String body = "{\"body\":\"" + "x".repeat(20_000) + "\"}";
    // when
    HttpResponse<String> response = http.post("/v1/articles", "application/json", body, "X-API-Key", KEY);
    // then
    problem(response, 413);
  }

  @Test
  void shouldAnswer404And405AsProblems() throws Exception {
    problem(http.get("/nowhere"), 404);
    problem(http.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/v1/articles"))
        .header("X-API-Key", KEY).GET().build()), 405);
  }

  @Test
  void shouldServeNoManagementEndpointButHealthAndPrometheus() throws Exception {
    // bean definitions, routes, thread stacks and a context refresh are not for anyone who
    // reaches the port
    for (String path : java.util.List.of("/beans", "/routes", "/threaddump", "/info", "/metrics", "/loggers", "/env")) {
      assertThat(http.get(path).statusCode()).as(path).isEqualTo(404);
    }
    problem(http.post("/refresh", "application/json", "{}"), 404);
    assertThat(http.get("/prometheus").statusCode()).isEqualTo(200);
    assertThat(http.get("/health/liveness").statusCode()).isEqualTo(200);
    assertThat(http.get("/health/readiness").statusCode()).isIn(200, 503);
  }

  @Test
  void shouldKeepHealthOpenWithoutKey() {
    // when
    HttpResponse<String> response = http.get("/health");
    // then: no broker here, so DOWN, but answered without a key
    assertThat(response.statusCode()).isIn(200, 503);
    assertThat(response.body()).contains("kafka", "schemaRegistry").doesNotContain("compositeDiscoveryClient");
  }

  @Test
  void shouldServePrometheusMetricsWithoutKey() {
    // when
    HttpResponse<String> response = http.get("/prometheus");
    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("newsstream_ingest", "kafka_producer_buffer_available_bytes");
  }

  @Test
  void shouldCountRequestsRefusedBeforeTheControllerInTheRefusedCounterAsTheReadmeSays() {
    // given: a request refused by the API-key filter
    http.post("/v1/articles", "application/json", "{}", "Authorization", "Bearer " + DISABLED_KEY);
    // when
    String metrics = http.get("/prometheus").body();
    // then: counted by reason; Micronaut's request timer never sees it (ingest-service README, Metrics)
    assertThat(metrics).containsPattern("newsstream_ingest_requests_refused_total\\{[^}]*reason=\"forbidden\"[^}]*} [1-9]");
    assertThat(metrics).doesNotContainPattern("http_server_requests_seconds_count\\{[^}]*status=\"403\"");
  }

  @Test
  void shouldServeTheOpenApiDocumentAndItsPagesWithoutKey() {
    // when
    HttpResponse<String> document = http.get("/swagger/newsstream-ingest-service-0.1.0.yml");
    HttpResponse<String> swaggerUi = http.get("/swagger-ui/index.html");
    HttpResponse<String> redoc = http.get("/redoc/index.html");
    // then
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).contains("/v1/articles/batch", "application/problem+json", "Retry-After");
    assertThat(swaggerUi.statusCode()).isEqualTo(200);
    assertThat(swaggerUi.body()).contains("newsstream-ingest-service-0.1.0.yml");
    assertThat(redoc.statusCode()).isEqualTo(200);
    assertThat(http.get("/swagger-ui/res/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
    assertThat(http.get("/redoc/res/redoc.standalone.js").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldServeTheOpenApiDocumentAsYamlAndAMissingOneAsAProblem() throws Exception {
    // when
    HttpResponse<String> document = http.get("/swagger/newsstream-ingest-service-0.1.0.yml");
    HttpResponse<String> missing = http.get("/swagger/no-such-document.yml");
    // then
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.headers().firstValue("Content-Type")).hasValueSatisfying(
        contentType -> assertThat(contentType).startsWith("application/yaml"));
    assertThat(document.body()).startsWith("openapi: ");
    problem(missing, 404);
  }

  @Test
  void shouldStreamABatchLargerThanTheServersDefaultBuffer() throws Exception {
    // given: 10,000 NDJSON items of about 1.2 KB (12 MB, over Micronaut's 10 MB default buffer),
    // each without a title, so none is published
    String item = "{\"url\":\"https://big.example/a\",\"body\":\"" + "x".repeat(1200) + "\"}\n";
    String ndjson = item.repeat(10_000);
    // when
    HttpResponse<String> response = http.post("/v1/articles/batch", "application/x-ndjson", ndjson, "X-API-Key", KEY);
    // then
    assertThat(response.statusCode()).isEqualTo(207);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.get("rejected").asInt()).isEqualTo(10_000);
    assertThat(answer.get("results").get(9_999).get("errors").get(0).get("field").asText()).isEqualTo("title");
  }

  @Test
  void shouldAnswerAJsonArrayThatBreaksMidWayAtTheBrokenItemAndCountItRejected() throws Exception {
    // given: a first item without title (invalid, so nothing is published) and a second cut off
    String body = "[{\"id\":\"m-1\",\"url\":\"https://a.example/1\",\"body\":\"b\"}, {\"id\":\"m-2\", \"url\": ";
    // when
    HttpResponse<String> response = http.post("/v1/articles/batch", "application/json", body, "X-API-Key", KEY);
    // then
    assertThat(response.statusCode()).as(response.body()).isEqualTo(207);
    JsonNode answer = JSON.readTree(response.body());
    JsonNode results = answer.get("results");
    assertThat(results.findValuesAsText("index")).containsExactly("0", "1");
    assertThat(results.get(1).get("status").asInt()).isEqualTo(400);
    assertThat(results.get(1).get("errors").get(0).get("rule").asText()).isEqualTo("json-syntax");
    assertThat(answer.get("accepted").asInt()).isZero();
    assertThat(answer.get("rejected").asInt()).isEqualTo(2);
  }

  @Test
  void shouldAnswerAJsonArrayWhoseFirstItemIsBrokenAsAWholeRequestProblem() throws Exception {
    // when
    HttpResponse<String> response =
        http.post("/v1/articles/batch", "application/json", "[{\"id\":\"m-1\", \"url\": ", "X-API-Key", KEY);
    // then
    JsonNode problem = problem(response, 400);
    assertThat(problem.get("errors").get(0).get("rule").asText()).isEqualTo("json-syntax");
  }

  @Test
  void shouldFailTheRestOfABatchAtOnceWhenKafkaIsAway() throws Exception {
    // given: valid items, and a broker that cannot be reached
    String item = "{\"url\":\"https://away.example/a\",\"title\":\"T\",\"body\":\"B\"}\n";
    // when
    HttpResponse<String> response =
        http.post("/v1/articles/batch", "application/x-ndjson", item.repeat(3), "X-API-Key", KEY);
    // then: the first item waited for Kafka, the others were not sent at all; all are 503
    assertThat(response.statusCode()).isEqualTo(207);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    JsonNode results = JSON.readTree(response.body()).get("results");
    assertThat(results.findValuesAsText("status")).containsExactly("503", "503", "503");
    assertThat(results.get(1).get("errors").get(0).get("message").asText()).startsWith("not sent");
    assertThat(results.get(2).get("errors").get(0).get("message").asText()).startsWith("not sent");
  }
}
