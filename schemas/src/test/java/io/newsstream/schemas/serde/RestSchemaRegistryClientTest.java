package io.newsstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsstream.schemas.avro.ArticleSubmitted;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RestSchemaRegistryClient} against a scripted HTTP server on 127.0.0.1: which requests it
 * sends, how it reads the registry's error codes, and what it caches.
 */
class RestSchemaRegistryClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE_PATH = "/apis/ccompat/v7";

  private HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Response> responses = new ConcurrentHashMap<>();
  private RestSchemaRegistryClient client;

  private record Request(String method, String path, String contentType, String body) {}

  private record Response(int status, String body) {}

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    client = new RestSchemaRegistryClient(
        "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH + "/", Duration.ofSeconds(5));
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getRawPath();
    requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Content-Type"), body));
    Response response = responses.getOrDefault(exchange.getRequestMethod() + " " + path, new Response(500, ""));
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private void given(String methodAndPath, int status, String body) {
    responses.put(methodAndPath.replaceFirst(" ", " " + BASE_PATH), new Response(status, body));
  }

  @Test
  void shouldReportSubjectNotFoundFromErrorCode40401() {
    // given
    given("POST /subjects/articles.raw-value", 404, "{\"error_code\":40401,\"message\":\"Subject 'articles.raw-value' not found.\"}");

    // when / then
    assertThatThrownBy(() -> client.idOf("articles.raw-value", ArticleSubmitted.getClassSchema()))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.isNotFound()).isTrue();
          assertThat(e.isUnavailable()).isFalse();
        })
        .hasMessageContaining("answered 404 (error_code 40401)")
        .hasMessageContaining("Subject 'articles.raw-value' not found.");
  }

  @Test
  void shouldReportSchemaNotFoundFromErrorCode40403() {
    // given
    given("GET /schemas/ids/1234", 404, "{\"error_code\":40403,\"message\":\"Schema 1234 not found\"}");

    // when / then
    assertThatThrownBy(() -> client.schemaById(1234))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
          assertThat(e.isNotFound()).isTrue();
        })
        .hasMessageContaining("(error_code 40403)")
        .hasMessageContaining("GET /schemas/ids/1234");
  }

  @Test
  void shouldNotTakeA404WithoutErrorCodeForNotFound() {
    // given an endpoint the registry does not serve: a bare 404
    given("GET /subjects/articles.raw-value/versions/latest", 404, "");

    // when / then
    assertThatThrownBy(() -> client.latest("articles.raw-value"))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.errorCode()).isEqualTo(-1);
          assertThat(e.isNotFound()).isFalse();
        })
        .hasMessageContaining("answered 404 to GET /subjects/articles.raw-value/versions/latest")
        .hasMessageNotContaining("error_code");
  }

  @Test
  void shouldReportAServerErrorAsUnavailableWithItsBody() {
    // given
    given("GET /schemas/ids/9", 503, "registry is starting");

    // when / then
    assertThatThrownBy(() -> client.schemaById(9))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isUnavailable()).isTrue())
        .hasMessageContaining("answered 503")
        .hasMessageContaining("registry is starting");
  }

  @Test
  void shouldFetchASchemaByIdOnlyOnce() {
    // given
    given("GET /schemas/ids/1007", 200, JSON.createObjectNode().put("schema", ArticleSubmitted.getClassSchema().toString()).toString());

    // when
    Schema first = client.schemaById(1007);
    Schema second = client.schemaById(1007);

    // then
    assertThat(first).isEqualTo(ArticleSubmitted.getClassSchema());
    assertThat(second).isSameAs(first);
    assertThat(requests).hasSize(1);
  }

  @Test
  void shouldRegisterOnceAndSendTheStableSchemaText() throws IOException {
    // given a schema parsed from pretty-printed text, which must not reach the registry as such
    String prettyText = SchemaFormatter.format("json/pretty", ArticleSubmitted.getClassSchema());
    assertThat(prettyText).contains("\n");
    Schema schema = new Schema.Parser().parse(prettyText);
    given("POST /subjects/articles.raw-value/versions", 200, "{\"id\":4711}");

    // when
    int id = client.register("articles.raw-value", schema);
    int again = client.register("articles.raw-value", schema);
    Schema byId = client.schemaById(4711);

    // then
    assertThat(id).isEqualTo(4711);
    assertThat(again).isEqualTo(4711);
    assertThat(byId).isEqualTo(schema);
    assertThat(requests).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo(BASE_PATH + "/subjects/articles.raw-value/versions");
      assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
      assertThat(JSON.readTree(request.body()).path("schema").asText())
          .isEqualTo(ArticleSubmitted.getClassSchema().toString())
          .doesNotContain("\n");
    });
  }

  @Test
  void shouldLetASerializerWriteWithTheCachedIdWhileTheRegistryIsDown() {
    // given
    given("POST /subjects/articles.raw-value/versions", 200, "{\"id\":4711}");
    RegistryAvroSerializer<ArticleSubmitted> serializer = new RegistryAvroSerializer<>(client);
    serializer.configure(SampleRecords.config("http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH), false);
    Schema schema = ArticleSubmitted.getClassSchema();
    OptionalInt beforeFirst = serializer.cachedId("articles.raw", schema);
    int looked = serializer.schemaId("articles.raw", schema);

    // when
    server.stop(0);
    byte[] written = serializer.serialize("articles.raw", SampleRecords.articleSubmitted());

    // then
    assertThat(beforeFirst).isEmpty();
    assertThat(looked).isEqualTo(4711);
    assertThat(serializer.cachedId("articles.raw", schema)).hasValue(4711);
    assertThat(client.cachedId("articles.raw-value", schema)).hasValue(4711);
    assertThat(serializer.cachedId("articles.other", schema)).isEmpty();
    assertThat(java.nio.ByteBuffer.wrap(written, 1, 4).getInt()).isEqualTo(4711);
    assertThat(requests).hasSize(1);
  }

  @Test
  void shouldLookUpAnIdWithoutRegistering() {
    // given
    given("POST /subjects/articles.raw-value", 200, "{\"subject\":\"articles.raw-value\",\"version\":3,\"id\":88,\"schema\":\"...\"}");

    // when
    int id = client.idOf("articles.raw-value", ArticleSubmitted.getClassSchema());

    // then
    assertThat(id).isEqualTo(88);
    assertThat(requests).singleElement().extracting(Request::path).isEqualTo(BASE_PATH + "/subjects/articles.raw-value");
  }

  @Test
  void shouldReadTheLatestVersionWithItsOwnIdAndVersion() {
    // given ids that are neither versions nor consecutive
    given("GET /subjects/articles.raw-value/versions/latest", 200,
        JSON.createObjectNode()
            .put("subject", "articles.raw-value")
            .put("version", 2)
            .put("id", 91)
            .put("schema", ArticleSubmitted.getClassSchema().toString())
            .toString());

    // when
    SchemaRegistryClient.RegisteredSchema latest = client.latest("articles.raw-value");

    // then
    assertThat(latest.version()).isEqualTo(2);
    assertThat(latest.id()).isEqualTo(91);
    assertThat(latest.schema()).isEqualTo(ArticleSubmitted.getClassSchema());
  }

  @Test
  void shouldSetCompatibilityPerSubject() throws IOException {
    // given
    given("PUT /config/articles.raw-value", 200, "{\"compatibility\":\"BACKWARD\"}");

    // when
    client.setCompatibility("articles.raw-value", "BACKWARD");

    // then
    assertThat(requests).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("PUT");
      assertThat(JSON.readTree(request.body()).path("compatibility").asText()).isEqualTo("BACKWARD");
    });
  }

  @Test
  void shouldReportAnUnparsableSchemaFromTheRegistry() {
    // given
    given("GET /schemas/ids/5", 200, "{\"schema\":\"{not avro\"}");

    // when / then
    assertThatThrownBy(() -> client.schemaById(5))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unparsable Avro schema for schema id 5");
  }

  @Test
  void shouldTellADeserializerThatAnIdIsUnknown() {
    // given
    given("GET /schemas/ids/77", 404, "{\"error_code\":40403,\"message\":\"Schema 77 not found\"}");
    RegistryAvroDeserializer<ArticleSubmitted> deserializer = new RegistryAvroDeserializer<>(client, ArticleSubmitted.getClassSchema());
    deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://127.0.0.1:1"), false);
    byte[] value = {0x00, 0x00, 0x00, 0x00, 77, 0x02};

    // when / then
    assertThatThrownBy(() -> deserializer.deserialize("articles.raw", value))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 77 is unknown to the registry")
        .hasMessageContaining("Schema 77 not found");
  }

  @Test
  void shouldNotCallAnIdUnknownWhenTheLookupEndpointItselfIsMissing() {
    // given a server without the Confluent API at this path: a bare 404
    given("GET /schemas/ids/77", 404, "");
    RegistryAvroDeserializer<ArticleSubmitted> deserializer = new RegistryAvroDeserializer<>(client, ArticleSubmitted.getClassSchema());
    deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://127.0.0.1:1"), false);
    byte[] value = {0x00, 0x00, 0x00, 0x00, 77, 0x02};

    // when / then
    assertThatThrownBy(() -> deserializer.deserialize("articles.raw", value))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("looking up schema id 77 answered 404 without a schema registry error code")
        .hasMessageContaining("/apis/ccompat/v7")
        .hasMessageNotContaining("unknown to the registry");
  }

  @Test
  void shouldRefuseALookupAnswerWithoutAnId() {
    // given
    given("POST /subjects/articles.raw-value", 200, "{\"subject\":\"articles.raw-value\"}");

    // when / then
    assertThatThrownBy(() -> client.idOf("articles.raw-value", ArticleSubmitted.getClassSchema()))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("without an id");
  }
}
