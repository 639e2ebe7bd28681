package io.newsstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstream.localstack.kafka.TopicSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class LocalStackIT {

  private static final String SCHEMA_JSON = "application/vnd.schemaregistry.v1+json";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldDeliverRecordProducedToCreatedTopic(LocalStack stack) throws Exception {
    // given
    String topic = "it.roundtrip." + UUID.randomUUID();
    stack.createTopic(topic, 2);

    // when
    RecordMetadata sent = produce(stack, topic, "key-1", "hello");

    // then
    assertThat(sent.topic()).isEqualTo(topic);
    assertThat(consumeAll(stack, topic, 1))
        .extracting(ConsumerRecord::key, ConsumerRecord::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("key-1", "hello"));
  }

  @Test
  void shouldCreateTopicsIdempotentlyWithRequestedPartitions(LocalStack stack) throws Exception {
    // given
    String topic = "it.idempotent." + UUID.randomUUID();
    stack.createTopics(TopicSpec.of(topic, 3));

    // when
    stack.createTopics(TopicSpec.of(topic, 3));

    // then
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      var description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
      assertThat(description.partitions()).hasSize(3);
    }
  }

  @Test
  void shouldRefuseToAutoCreateTopicsOnProduce(LocalStack stack) throws Exception {
    // given
    String topic = "it.never-created." + UUID.randomUUID();

    // when
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
        KafkaConsumer<String, String> consumer = consumer(stack)) {
      consumer.partitionsFor(topic, Duration.ofSeconds(2)); // metadata request that would auto-create

      // then
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(topic);
    }
  }

  @Test
  void shouldReturnRegisteredSchemaById(LocalStack stack) throws Exception {
    // given
    String subject = "it-" + UUID.randomUUID() + "-value";
    String schema = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"io.newsstream.it\","
        + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";

    // when
    HttpResponse<String> registered = post(stack.schemaRegistryUrl() + "/subjects/" + subject + "/versions",
        "{\"schema\":" + jsonString(schema) + "}");

    // then
    assertThat(registered.statusCode()).isEqualTo(200);
    int id = Integer.parseInt(field(registered.body(), "id"));
    HttpResponse<String> byId = get(stack.schemaRegistryUrl() + "/schemas/ids/" + id);
    assertThat(byId.statusCode()).isEqualTo(200);
    assertThat(byId.body()).contains("\\\"name\\\":\\\"Probe\\\"");
  }

  @Test
  void shouldUseBackwardCompatibilityByDefault(LocalStack stack) throws Exception {
    // when
    HttpResponse<String> config = get(stack.schemaRegistryUrl() + "/config");

    // then
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains("BACKWARD");
  }

  @Test
  void shouldServeOnSamePortAndDataAfterBrokerRestart(LocalStack stack) throws Exception {
    // given
    String topic = "it.restart." + UUID.randomUUID();
    stack.createTopic(topic, 1);
    produce(stack, topic, "before", "outage");
    String bootstrap = stack.bootstrapServers();
    ProcessHandle before = stack.kafka().process().handle();

    // when
    stack.stopBroker();

    // then
    assertThat(before.isAlive()).isFalse();
    assertThat(stack.kafka().isRunning()).isFalse();

    // when
    stack.startBroker();
    produce(stack, topic, "after", "outage");

    // then
    assertThat(stack.bootstrapServers()).isEqualTo(bootstrap);
    assertThat(consumeAll(stack, topic, 2)).extracting(ConsumerRecord::key).containsExactly("before", "after");
  }

  private static RecordMetadata produce(LocalStack stack, String topic, String key, String value) throws Exception {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }
  }

  private static KafkaConsumer<String, String> consumer(LocalStack stack) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  private static List<ConsumerRecord<String, String>> consumeAll(LocalStack stack, String topic, int expected) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer(stack)) {
      consumer.subscribe(List.of(topic));
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.size() >= expected;
      });
    }
    return records;
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", SCHEMA_JSON)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String jsonString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String field(String json, String name) {
    Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
    assertThat(matcher.find()).as("field %s in %s", name, json).isTrue();
    return matcher.group(1);
  }
}
