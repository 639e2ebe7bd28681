package io.newsstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.localstack.LocalStack;
import io.newsstream.localstack.LocalStackExtension;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.avro.DeadLetter;
import io.newsstream.schemas.avro.DuplicateDetected;
import io.newsstream.schemas.avro.EnrichedArticle;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The serdes against a real Apicurio Registry (Confluent API under {@code /apis/ccompat/v7}) and
 * a real broker: registration, ids, compatibility and the full produce/consume path.
 */
@ExtendWith(LocalStackExtension.class)
class RegistryAvroSerdeIT {

  @Test
  void shouldProduceAndConsumeAnArticleThroughTheRealRegistry(LocalStack stack) {
    // given
    String topic = "it.serde." + UUID.randomUUID();
    stack.createTopic(topic, 1);
    ArticleSubmitted article = SampleRecords.articleSubmitted();

    // when: Kafka instantiates the serializer by class name, as a configured application would
    Properties producerConfig = new Properties();
    producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, RegistryAvroSerializer.class.getName());
    producerConfig.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl());
    try (KafkaProducer<String, ArticleSubmitted> producer = new KafkaProducer<>(producerConfig)) {
      producer.send(new ProducerRecord<>(topic, article.getUrl(), article)).get();
    } catch (Exception e) {
      throw new AssertionError("produce failed", e);
    }
    List<ConsumerRecord<String, Object>> records = consume(stack, topic, 1);

    // then
    assertThat(records).singleElement().satisfies(record -> {
      assertThat(record.key()).isEqualTo(article.getUrl());
      assertThat(record.value()).isInstanceOf(ArticleSubmitted.class).isEqualTo(article);
    });
    try (RestSchemaRegistryClient client = client(stack)) {
      assertThat(client.latest(topic + "-value").schema()).isEqualTo(ArticleSubmitted.getClassSchema());
    }
  }

  @Test
  void shouldDecodeEveryRecordTypeWithAFreshClientWhateverIdsTheRegistryAssigns(LocalStack stack) {
    // given four schemas and a subject with a second version, so ids and versions part ways
    String prefix = "it.ids." + UUID.randomUUID();
    List<SpecificRecord> records =
        List.of(SampleRecords.enrichedArticle(), SampleRecords.duplicateDetected(), SampleRecords.deadLetter(),
            SampleRecords.articleSubmitted());
    List<byte[]> written = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    for (SpecificRecord record : records) {
      RegistryAvroSerializer<SpecificRecord> serializer = new RegistryAvroSerializer<>();
      serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl()), false);
      byte[] bytes = serializer.serialize(prefix + "." + record.getSchema().getName(), record);
      written.add(bytes);
      ids.add(ByteBuffer.wrap(bytes, 1, 4).getInt());
      serializer.close();
    }
    String evolving = prefix + ".evolving-value";
    int secondVersionId;
    try (RestSchemaRegistryClient client = client(stack)) {
      client.register(evolving, versionedSchema(prefix, false));
      secondVersionId = client.register(evolving, versionedSchema(prefix, true));
    }

    // when each value is read by a deserializer that has never seen an id
    List<Object> read = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      RegistryAvroDeserializer<Object> deserializer = new RegistryAvroDeserializer<>();
      deserializer.configure(
          Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl(),
              AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true),
          false);
      read.add(deserializer.deserialize("any", written.get(i)));
      deserializer.close();
    }

    // then
    assertThat(read).containsExactlyElementsOf(records);
    assertThat(ids).doesNotHaveDuplicates();
    try (RestSchemaRegistryClient client = client(stack)) {
      SchemaRegistryClient.RegisteredSchema latest = client.latest(evolving);
      assertThat(latest.version()).isEqualTo(2);
      assertThat(latest.id()).isEqualTo(secondVersionId).isNotEqualTo(latest.version());
      assertThat(client.schemaById(secondVersionId)).isEqualTo(versionedSchema(prefix, true));
    }
  }

  @Test
  void shouldGetTheSameIdWhenTheSameSchemaIsRegisteredTwice(LocalStack stack) {
    // given
    String subject = "it.same." + UUID.randomUUID() + "-value";
    Schema pretty = new Schema.Parser().parse(SchemaFormatter.format("json/pretty", ArticleSubmitted.getClassSchema()));

    // when two clients with separate caches register it, one from pretty-printed text
    int first;
    int second;
    try (RestSchemaRegistryClient one = client(stack); RestSchemaRegistryClient two = client(stack)) {
      first = one.register(subject, ArticleSubmitted.getClassSchema());
      second = two.register(subject, pretty);
    }

    // then
    assertThat(second).isEqualTo(first);
    try (RestSchemaRegistryClient client = client(stack)) {
      assertThat(client.latest(subject).version()).isEqualTo(1);
      assertThat(client.idOf(subject, ArticleSubmitted.getClassSchema())).isEqualTo(first);
    }
  }

  @Test
  void shouldRejectAnIncompatibleChangeUnderBackwardCompatibility(LocalStack stack) {
    // given a subject at BACKWARD holding v1
    String prefix = "it.compat." + UUID.randomUUID();
    String topic = prefix + ".topic";
    String subject = topic + "-value";
    try (RestSchemaRegistryClient client = client(stack)) {
      client.setCompatibility(subject, "BACKWARD");
      client.register(subject, versionedSchema(prefix, false));
    }
    // v2 adds a field without a default: a v2 reader cannot read v1 data
    Schema incompatible = SchemaBuilder.record("Evolving").namespace(namespace(prefix)).fields()
        .requiredString("name")
        .requiredInt("added")
        .endRecord();
    GenericRecord value = new GenericData.Record(incompatible);
    value.put("name", "x");
    value.put("added", 1);
    RegistryAvroSerializer<GenericRecord> serializer = new RegistryAvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl()), false);

    // when / then
    assertThatThrownBy(() -> serializer.serialize(topic, value))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(409);
          assertThat(e.isNotFound()).isFalse();
          assertThat(e.isUnavailable()).isFalse();
        })
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("answered 409")
        .hasMessageContaining(subject);
    serializer.close();
    try (RestSchemaRegistryClient client = client(stack)) {
      assertThat(client.latest(subject).version()).isEqualTo(1);
    }
  }

  @Test
  void shouldReportAnIdTheRealRegistryDoesNotKnow(LocalStack stack) {
    // given
    byte[] value = {0x00, 0x3a, (byte) 0xde, 0x68, (byte) 0xb1, 0x02};
    RegistryAvroDeserializer<Object> deserializer = new RegistryAvroDeserializer<>();
    deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl()), false);

    // when / then
    assertThatThrownBy(() -> deserializer.deserialize("articles.enriched", value))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 987654321 is unknown to the registry")
        .hasMessageContaining("40403");
    deserializer.close();
  }

  @Test
  void shouldRefuseToWriteAnUnregisteredSchemaWhenAutoRegisterIsOff(LocalStack stack) {
    // given
    RegistryAvroSerializer<DuplicateDetected> serializer = new RegistryAvroSerializer<>();
    serializer.configure(
        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl(),
            AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, false),
        false);
    String topic = "it.unregistered." + UUID.randomUUID();

    // when / then
    assertThatThrownBy(() -> serializer.serialize(topic, SampleRecords.duplicateDetected()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("auto.register.schemas=false")
        .hasMessageContaining(topic + "-value");
    serializer.close();
  }

  @Test
  void shouldWriteWithTheLatestVersionWhenUseLatestVersionIsSet(LocalStack stack) {
    // given the schema registered up front, as an operator would
    String topic = "it.latest." + UUID.randomUUID();
    int registered;
    try (RestSchemaRegistryClient client = client(stack)) {
      registered = client.register(topic + "-value", EnrichedArticle.getClassSchema());
    }
    RegistryAvroSerializer<EnrichedArticle> serializer = new RegistryAvroSerializer<>();
    serializer.configure(
        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl(),
            AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, false,
            AvroSerdeConfig.USE_LATEST_VERSION_CONFIG, true),
        false);

    // when
    byte[] bytes = serializer.serialize(topic, SampleRecords.enrichedArticle());
    serializer.close();

    // then
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registered);
    try (SpecificAvroSerde<EnrichedArticle> serde =
        SpecificAvroSerde.forValues(EnrichedArticle.class, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl()))) {
      assertThat(serde.deserializer().deserialize(topic, bytes)).isEqualTo(SampleRecords.enrichedArticle());
    }
  }

  private static RestSchemaRegistryClient client(LocalStack stack) {
    return new RestSchemaRegistryClient(stack.schemaRegistryUrl(), Duration.ofSeconds(10));
  }

  /** A record schema unique to {@code prefix}; v2 adds an optional field (a BACKWARD change). */
  private static Schema versionedSchema(String prefix, boolean v2) {
    SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record("Evolving").namespace(namespace(prefix)).fields().requiredString("name");
    if (v2) {
      fields = fields.optionalString("comment");
    }
    return fields.endRecord();
  }

  private static String namespace(String prefix) {
    return "it.n" + prefix.replaceAll("[^A-Za-z0-9]", "");
  }

  private static List<ConsumerRecord<String, Object>> consume(LocalStack stack, String topic, int count) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, RegistryAvroDeserializer.class.getName());
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl());
    config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, "true");
    return KafkaRecords.consume(config, topic, count);
  }
}
