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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
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

  @Test
  void shouldTakeAnIdleStopForTheEndOnlyWhenEveryPartitionWasReadToItsEnd() {
    // given
    TopicPartition p0 = new TopicPartition("articles.enriched", 0);
    TopicPartition p1 = new TopicPartition("articles.enriched", 1);
    MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    consumer.assign(List.of(p0, p1));
    consumer.updateBeginningOffsets(Map.of(p0, 0L, p1, 0L));
    consumer.seek(p0, 12);
    consumer.seek(p1, 7);

    // when / then: read to the end
    consumer.updateEndOffsets(Map.of(p0, 12L, p1, 7L));
    TopicReader.checkReadToTheEnd(consumer, List.of(p0, p1), "articles.enriched", "127.0.0.1:9092", 19, 5, Duration.ofSeconds(1));

    // and: three offsets left on one partition
    consumer.updateEndOffsets(Map.of(p0, 12L, p1, 10L));
    assertThatThrownBy(() ->
            TopicReader.checkReadToTheEnd(consumer, List.of(p0, p1), "articles.enriched", "127.0.0.1:9092", 19, 5, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("printed 19 record(s) from articles.enriched, then none for 5 s")
        .hasMessageContaining("3 offset(s)");
  }

  @Test
  void shouldNotTakeAnIdleStopForTheEndWhenKafkaNoLongerAnswers() {
    // given: a broker gone quiet (end offsets time out)
    TopicPartition p0 = new TopicPartition("articles.raw", 0);
    MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest") {
      @Override
      public synchronized Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions, Duration timeout) {
        throw new org.apache.kafka.common.errors.TimeoutException("Failed to get offsets by times in 1000ms");
      }
    };
    consumer.assign(List.of(p0));

    // when / then
    assertThatThrownBy(() ->
            TopicReader.checkReadToTheEnd(consumer, List.of(p0), "articles.raw", "127.0.0.1:9092", 4, 10, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("printed 4 record(s) from articles.raw, then none for 10 s")
        .hasMessageContaining("Kafka at 127.0.0.1:9092 did not answer within 1 s")
        .hasMessageContaining("may hold more records");
  }
}
