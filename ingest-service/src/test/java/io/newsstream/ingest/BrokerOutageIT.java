package io.newsstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.newsstream.ingest.auth.ApiKeys;
import io.newsstream.localstack.LocalStack;
import io.newsstream.localstack.LocalStackExtension;
import io.newsstream.schemas.avro.ArticleSubmitted;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A broker outage: requests get 503 with Retry-After within the configured bound (never 500,
 * never a hang), the service recovers by itself when the broker returns, and every 202 given
 * before, during or after the outage has its record on the topic.
 */
@ExtendWith(LocalStackExtension.class)
class BrokerOutageIT {

  static final String TOPIC = "ingest-outage-it.articles.raw";
  static final String KEY = "outage-key";
  static final ObjectMapper JSON = new ObjectMapper();
  static final AtomicInteger SEQ = new AtomicInteger();

  static EmbeddedServer server;
  static TestHttp http;
  static RawTopicReader topic;
  static LocalStack stack;

  @BeforeAll
  static void start(LocalStack localStack) {
    stack = localStack;
    stack.createTopic(TOPIC, 2);
    server = ApplicationContext.run(EmbeddedServer.class, Map.of(
        "micronaut.server.port", -1,
        "newsstream.ingest.kafka.bootstrap-servers", stack.bootstrapServers(),
        "newsstream.ingest.kafka.schema-registry-url", stack.schemaRegistryUrl(),
        "newsstream.ingest.kafka.topic", TOPIC,
        "newsstream.ingest.kafka.max-block", "1s",
        "newsstream.ingest.kafka.request-timeout", "1s",
        "newsstream.ingest.kafka.delivery-timeout", "2s",
        "newsstream.ingest.kafka.retry-after", "3s",
        "newsstream.ingest.auth.api-keys", "outage:" + ApiKeys.sha256Hex(KEY)));
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

  static HttpResponse<String> postOne() {
    int n = SEQ.incrementAndGet();
    String body = "{\"url\":\"https://outage.example/" + n + "\",\"title\":\"Article " + n + "\",\"body\":\"Text " + n + "\"}";
    return http.post("/v1/articles", "application/json", body, "X-API-Key", KEY);
  }

  static String eventIdOf(HttpResponse<String> accepted) {
    try {
      return JSON.readTree(accepted.body()).get("eventId").asText();
    } catch (Exception e) {
      throw new AssertionError(accepted.body(), e);
    }
  }

  @Test
  void shouldAnswer503DuringAnOutageAndRecoverWithoutRestart() {
    List<String> acceptedEventIds = new ArrayList<>();
    // given: the service works
    HttpResponse<String> before = postOne();
    assertThat(before.statusCode()).as(before.body()).isEqualTo(202);
    acceptedEventIds.add(eventIdOf(before));

    // when: the broker goes away
    stack.stopBroker();
    HttpResponse<String> during;
    long started = System.nanoTime();
    try {
      during = postOne();
    } finally {
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      // then: 503 within max-block + delivery-timeout + 1 s of slack (the configured bound)
      assertThat(took).isLessThan(Duration.ofSeconds(1 + 2 + 1 + 3));
    }
    try {
      assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
      assertThat(during.headers().firstValue("Retry-After")).hasValue("3");
      assertThat(during.headers().firstValue("Content-Type")).hasValueSatisfying(
          ct -> assertThat(ct).startsWith("application/problem+json"));
    } finally {
      stack.startBroker();
    }

    // then: after the broker returns, posting works again without a restart
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      HttpResponse<String> after = postOne();
      assertThat(after.statusCode()).as(after.body()).isIn(202, 503);
      if (after.statusCode() == 202) {
        acceptedEventIds.add(eventIdOf(after));
      }
      assertThat(after.statusCode()).isEqualTo(202);
    });
    HttpResponse<String> afterwards = postOne();
    assertThat(afterwards.statusCode()).as(afterwards.body()).isEqualTo(202);
    acceptedEventIds.add(eventIdOf(afterwards));

    // and every 202 has its record on the topic
    List<String> onTopic = topic.all().stream()
        .map(ConsumerRecord::value).map(ArticleSubmitted::getEventId).toList();
    assertThat(onTopic).containsAll(acceptedEventIds);
  }

  @Test
  void shouldAnswer503WhenTheSchemaRegistryIsUnreachable() throws Exception {
    // given: a second instance whose registry URL points at a closed port
    long before = topic.count();
    try (EmbeddedServer noRegistry = ApplicationContext.run(EmbeddedServer.class, Map.of(
        "micronaut.server.port", -1,
        "newsstream.ingest.kafka.bootstrap-servers", stack.bootstrapServers(),
        "newsstream.ingest.kafka.schema-registry-url", "http://127.0.0.1:1/apis/ccompat/v7",
        "newsstream.ingest.kafka.topic", TOPIC,
        "newsstream.ingest.kafka.registry-timeout", "1s",
        "newsstream.ingest.auth.api-keys", "outage:" + ApiKeys.sha256Hex(KEY)))) {
      TestHttp client = new TestHttp(noRegistry.getURI());
      // when
      HttpResponse<String> response = client.post("/v1/articles", "application/json",
          "{\"url\":\"https://outage.example/registry\",\"title\":\"T\",\"body\":\"B\"}", "X-API-Key", KEY);
      // then
      assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).isPresent();
      assertThat(response.body()).contains("schema registry").doesNotContain("Exception");
      assertThat(client.get("/health").statusCode()).isEqualTo(503);
    }
    assertThat(topic.count()).isEqualTo(before);
  }

  @Test
  void shouldStayReadyAndAcceptArticlesWithTheCachedSchemaIdWhileTheRegistryIsDown() throws Exception {
    // given: an instance reaching the registry through a front that can be shut, which has
    // looked the schema id up at start-up (no article published yet)
    long before = topic.count();
    RegistryFront front = RegistryFront.to(stack.schemaRegistryUrl());
    try (EmbeddedServer cached = ApplicationContext.run(EmbeddedServer.class, Map.of(
        "micronaut.server.port", -1,
        "newsstream.ingest.kafka.bootstrap-servers", stack.bootstrapServers(),
        "newsstream.ingest.kafka.schema-registry-url", front.url(),
        "newsstream.ingest.kafka.topic", TOPIC,
        "newsstream.ingest.kafka.registry-timeout", "1s",
        "newsstream.ingest.kafka.health-timeout", "1s",
        "newsstream.ingest.auth.api-keys", "outage:" + ApiKeys.sha256Hex(KEY)))) {
      TestHttp client = new TestHttp(cached.getURI());
      await().atMost(Duration.ofSeconds(30))
          .until(() -> client.get("/health/readiness").body().contains("cachedSchemaId"));

      // when: the registry stops answering
      front.close();
      HttpResponse<String> readiness = client.get("/health/readiness");
      List<HttpResponse<String>> accepted = new ArrayList<>();
      for (int i = 1; i <= 2; i++) {
        accepted.add(client.post("/v1/articles", "application/json",
            "{\"url\":\"https://outage.example/cached/" + i + "\",\"title\":\"T" + i + "\",\"body\":\"B" + i + "\"}",
            "X-API-Key", KEY));
      }

      // then: still ready, saying why, and the articles are accepted and on the topic
      assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
      assertThat(JSON.readTree(readiness.body()).at("/details/schemaRegistry/details/cachedSchemaId").isInt())
          .as(readiness.body()).isTrue();
      assertThat(readiness.body()).contains("error");
      assertThat(accepted).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(202));
      await().atMost(Duration.ofSeconds(30)).until(() -> topic.count() >= before + 2);
      assertThat(topic.all().stream().map(ConsumerRecord::value).map(ArticleSubmitted::getEventId).toList())
          .contains(eventIdOf(accepted.get(0)), eventIdOf(accepted.get(1)));
    } finally {
      front.close();
    }
  }

  /** An HTTP front of the schema registry on a free port of 127.0.0.1 that forwards every request until closed. */
  static final class RegistryFront implements AutoCloseable {

    private final HttpServer server;
    private final String path;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RegistryFront(HttpServer server, String path) {
      this.server = server;
      this.path = path;
    }

    static RegistryFront to(String registryUrl) throws IOException {
      URI target = URI.create(registryUrl);
      HttpClient forward = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> {
        try (exchange) {
          byte[] requestBody = exchange.getRequestBody().readAllBytes();
          HttpRequest.Builder request = HttpRequest
              .newBuilder(target.resolve(exchange.getRequestURI().getRawPath()))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(requestBody));
          String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
          if (contentType != null) {
            request.header("Content-Type", contentType);
          }
          HttpResponse<byte[]> response = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
          response.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
          exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
          exchange.getResponseBody().write(response.body());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      server.start();
      return new RegistryFront(server, target.getRawPath());
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        server.stop(0);
      }
    }
  }
}
