package io.newsstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.serde.Legacy4ByteIdHandler;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.newsstream.localstack.LocalStack;
import io.newsstream.localstack.LocalStackExtension;
import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.schemas.avro.Entity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Values our serializer wrote through the real registry decode with Apicurio's own Kafka
 * deserializer, a schema-registry Avro client that shares no code with ours, reading the
 * Confluent wire format (magic byte, 4-byte content id, Avro binary) with no record headers.
 */
@ExtendWith(LocalStackExtension.class)
class ApicurioDeserializerInteropIT {

  /** Where Apicurio's native API lives next to the Confluent-compatible one. */
  static String nativeApiUrl(String confluentApiUrl) {
    String suffix = "/apis/ccompat/v7";
    assertThat(confluentApiUrl).endsWith(suffix);
    return confluentApiUrl.substring(0, confluentApiUrl.length() - suffix.length()) + "/apis/registry/v2";
  }

  /** Apicurio deserializer settings for values in the Confluent wire format. */
  static Map<String, Object> apicurioConfluentReaderConfig(String confluentApiUrl, boolean specific) {
    return Map.of(
        SerdeConfig.REGISTRY_URL, nativeApiUrl(confluentApiUrl),
        // 0x00 + 4-byte id instead of Apicurio's 8-byte global id (what apicurio.registry.as-confluent=true
        // selects; naming the handler avoids Apicurio's warning about a duplicate id-handler setting)
        SerdeConfig.ID_HANDLER, Legacy4ByteIdHandler.class.getName(),
        // the Confluent API hands out content ids
        SerdeConfig.USE_ID, "contentId",
        // our producer writes the id in the value, never in headers
        SerdeConfig.ENABLE_HEADERS, "false",
        AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, Boolean.toString(specific));
  }

  @Test
  void shouldDecodeOurValuesWithApicuriosDeserializer(LocalStack stack) throws Exception {
    // given two articles written by our serializer, the second with an optional field set
    String topic = "it.interop." + UUID.randomUUID();
    stack.createTopic(topic, 1);
    EnrichedArticle first = SampleRecords.enrichedArticle();
    EnrichedArticle second = EnrichedArticle.newBuilder(first).setArticleId("second").setAuthor("Jane Ünïcødé").build();
    Properties producerConfig = new Properties();
    producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, RegistryAvroSerializer.class.getName());
    producerConfig.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl());
    try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(producerConfig)) {
      producer.send(new ProducerRecord<>(topic, first.getArticleId(), first)).get();
      producer.send(new ProducerRecord<>(topic, second.getArticleId(), second)).get();
    }

    // when read back by Apicurio's deserializer, once as GenericRecord and once as the generated class
    List<ConsumerRecord<String, Object>> generic = consumeWithApicurio(stack, topic, false);
    List<ConsumerRecord<String, Object>> specific = consumeWithApicurio(stack, topic, true);

    // then
    assertThat(generic).hasSize(2);
    GenericRecord decoded = (GenericRecord) generic.get(1).value();
    assertThat(decoded.getSchema().getFullName()).isEqualTo(EnrichedArticle.class.getName());
    assertThat(decoded.get("articleId").toString()).isEqualTo("second");
    assertThat(decoded.get("author").toString()).isEqualTo("Jane Ünïcødé");
    assertThat(decoded.get("domain").toString()).isEqualTo("moneycontrol.com");
    assertThat(decoded.get("simhash")).isEqualTo(first.getSimhash());
    assertThat(decoded.get("processedAt")).isIn(first.getProcessedAt().toEpochMilli(), first.getProcessedAt());
    assertThat(((List<?>) decoded.get("entities"))).hasSize(first.getEntities().size());
    assertThat(((GenericRecord) ((List<?>) decoded.get("entities")).get(0)).get("text").toString())
        .isEqualTo(first.getEntities().stream().map(Entity::getText).findFirst().orElseThrow());
    assertThat(((GenericRecord) generic.get(0).value()).get("author")).isNull();
    assertThat(specific).extracting(ConsumerRecord::value).containsExactly(first, second);
  }

  @Test
  void shouldWriteTheContentIdThatApicurioAssignedToTheSubjectsSchema(LocalStack stack) throws Exception {
    // given
    String topic = "it.interop.ids." + UUID.randomUUID();
    RegistryAvroSerializer<EnrichedArticle> serializer = new RegistryAvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl()), false);

    // when
    byte[] bytes = serializer.serialize(topic, SampleRecords.enrichedArticle());
    serializer.close();

    // then the id is the content id of the artifact behind the subject, the id Apicurio's reader is told to use
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    JsonNode meta = getJson(nativeApiUrl(stack.schemaRegistryUrl()) + "/groups/default/artifacts/" + topic + "-value/meta");
    assertThat(meta.path("contentId").asLong()).isEqualTo(id);
    JsonNode content = getJson(nativeApiUrl(stack.schemaRegistryUrl()) + "/ids/contentIds/" + id);
    assertThat(new Schema.Parser().parse(content.toString())).isEqualTo(EnrichedArticle.getClassSchema());
  }

  private static JsonNode getJson(String url) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  private static List<ConsumerRecord<String, Object>> consumeWithApicurio(LocalStack stack, String topic, boolean specific) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-interop-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // downstream consumers of a transactional producer read committed data only
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroKafkaDeserializer.class.getName());
    config.putAll(apicurioConfluentReaderConfig(stack.schemaRegistryUrl(), specific));
    return KafkaRecords.consume(config, topic, 2);
  }
}
