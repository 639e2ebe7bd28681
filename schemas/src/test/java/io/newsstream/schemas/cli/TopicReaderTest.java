package io.newsstream.schemas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.schemas.avro.DuplicateDetected;
import io.newsstream.schemas.avro.DuplicateKind;
import io.newsstream.schemas.serde.AvroSerdeConfig;
import io.newsstream.schemas.serde.RegistryAvroDeserializer;
import io.newsstream.schemas.serde.RegistryAvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TopicReaderTest {

  private final Map<String, String> config =
      Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://topic-reader-" + UUID.randomUUID());

  @Test
  void shouldPrintDecodedValueAsJsonWithCoordinates() {
    // given
    RegistryAvroSerializer<DuplicateDetected> serializer = new RegistryAvroSerializer<>();
    serializer.configure(config, false);
    DuplicateDetected duplicate = DuplicateDetected.newBuilder()
        .setArticleId("a1").setEventId("e2").setCanonicalUrl("https://example.com/a").setTitle("Title \"quoted\"")
        .setDuplicateOf("a0").setKind(DuplicateKind.SAME_CONTENT).setDetectedAt(Instant.ofEpochMilli(1_000))
        .build();
    byte[] value = serializer.serialize("articles.duplicates", duplicate);
    RegistryAvroDeserializer<Object> deserializer = new RegistryAvroDeserializer<>();
    deserializer.configure(config, false);

    // when
    String line = TopicReader.line(
        new ConsumerRecord<>("articles.duplicates", 2, 17L, "a1".getBytes(StandardCharsets.UTF_8), value), deserializer);

    // then
    assertThat(line)
        .startsWith("{\"topic\":\"articles.duplicates\",\"partition\":2,\"offset\":17,\"key\":\"a1\",\"value\":{")
        .contains("\"kind\": \"SAME_CONTENT\"")
        .contains("Title \\\"quoted\\\"")
        .doesNotContain("\"error\"");
  }

  @Test
  void shouldPrintErrorAndHexWhenValueDoesNotDecode() {
    // given
    RegistryAvroDeserializer<Object> deserializer = new RegistryAvroDeserializer<>();
    deserializer.configure(config, false);
    byte[] garbage = {0x7f, 0x01, 0x02, 0x03, 0x04, 0x05};

    // when
    String line = TopicReader.line(new ConsumerRecord<>("articles.raw", 0, 3L, new byte[] {(byte) 0xff}, garbage), deserializer);

    // then
    assertThat(line)
        .contains("\"key\":\"0xff\"")
        .contains("\"error\":\"Cannot deserialize record from topic 'articles.raw': unknown magic byte 0x7f")
        .contains("\"valueHex\":\"7f0102030405\"");
  }

  @Test
  void shouldNameTheBrokerAndWhatToDoWhenKafkaDoesNotAnswer() throws IOException {
    // given: an address where nothing listens
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String bootstrap = "127.0.0.1:" + port;

    // when / then
    assertThatThrownBy(() -> TopicReader.read("articles.raw", bootstrap, "mock://topic-reader-down", 1, 1,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Kafka at " + bootstrap + " did not answer within 2 s")
        .hasMessageContaining("is it running?");
  }
}
