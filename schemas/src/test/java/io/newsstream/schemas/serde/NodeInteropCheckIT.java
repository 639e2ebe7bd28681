package io.newsstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.localstack.LocalStack;
import io.newsstream.localstack.LocalStackExtension;
import io.newsstream.schemas.avro.EnrichedArticle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code tools/interop/decode-topic.js} (Node.js, {@code @kafkajs/confluent-schema-registry})
 * against values our serializer wrote through the real registry, with the endpoints handed over
 * in an {@code endpoints.properties} file as the run command writes it. Skipped only when no
 * {@code node} is installed; installs the tool's locked packages with {@code npm ci} when missing.
 */
@ExtendWith(LocalStackExtension.class)
class NodeInteropCheckIT {

  private static final Logger LOG = LoggerFactory.getLogger(NodeInteropCheckIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path toolDir;

  @TempDir Path tempDir;

  @BeforeAll
  static void findNodeAndInstallTool() throws Exception {
    Path repoRoot = Path.of(System.getProperty("newsstream.repo.root", "..")).toAbsolutePath().normalize();
    toolDir = repoRoot.resolve("tools/interop");
    assertThat(toolDir.resolve("decode-topic.js")).as("interop tool in the repository").exists();
    assumeTrue(commandWorks(toolDir, "node", "--version"),
        "node is not installed: skipping the Node.js interop check (install Node.js 20+ to run it)");
    if (!Files.isDirectory(toolDir.resolve("node_modules/@kafkajs/confluent-schema-registry"))) {
      Run install = run(toolDir, 600, "npm", "ci", "--no-audit", "--no-fund");
      assertThat(install.exitCode()).as("npm ci in %s:%n%s%s", toolDir, install.stdout(), install.stderr()).isZero();
    }
  }

  @Test
  void shouldDecodeOurValuesWithTheNodeConfluentClient(LocalStack stack) throws Exception {
    // given two enriched articles written by our serializer and the endpoints file of the run command
    String topic = "it.node.interop." + UUID.randomUUID();
    stack.createTopic(topic, 1);
    EnrichedArticle first = SampleRecords.enrichedArticle();
    EnrichedArticle second = EnrichedArticle.newBuilder(first).setArticleId("second").setAuthor("Jane Ünïcødé 🚀").build();
    List<byte[]> written = produce(stack, topic, first, second);
    Path endpoints = writeEndpoints(stack);

    // when
    Run check = run(toolDir, 120, "node", "decode-topic.js",
        "--endpoints", endpoints.toString(), "--topic", topic, "--count", "2", "--timeout-ms", "60000");

    // then
    LOG.info("decode-topic.js printed:\n{}{}", check.stdout(), check.stderr());
    assertThat(check.exitCode()).as("decode-topic.js stderr:%n%s", check.stderr()).isZero();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : check.stdout().split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    assertThat(lines).hasSize(2);
    JsonNode record = lines.get(1);
    assertThat(record.path("key").asText()).isEqualTo("second");
    assertThat(record.path("schemaId").asInt()).isEqualTo(ByteBuffer.wrap(written.get(1), 1, 4).getInt());
    JsonNode value = record.path("value");
    assertThat(value.path("articleId").asText()).isEqualTo("second");
    assertThat(value.path("author").asText()).isEqualTo("Jane Ünïcødé 🚀");
    assertThat(value.path("canonicalUrl").asText()).isEqualTo(first.getCanonicalUrl());
    assertThat(value.path("simhash").isIntegralNumber()).isTrue();
    assertThat(value.path("simhash").asLong()).isEqualTo(first.getSimhash());
    assertThat(value.path("processedAt").asText()).isEqualTo(first.getProcessedAt().toString());
    assertThat(value.path("topics").get(0).path("name").asText()).isEqualTo("business");
    assertThat(lines.get(0).path("value").path("author").isNull()).isTrue();
    assertThat(check.stderr()).contains("OK decoded 2 record(s)");
  }

  @Test
  void shouldFailLoudlyOnAValueThatIsNotInTheWireFormat(LocalStack stack) throws Exception {
    // given a value with a wrong magic byte
    String topic = "it.node.garbage." + UUID.randomUUID();
    stack.createTopic(topic, 1);
    produceRaw(stack, topic, "garbage".getBytes(StandardCharsets.UTF_8));
    Path endpoints = writeEndpoints(stack);

    // when
    Run check = run(toolDir, 120, "node", "decode-topic.js",
        "--endpoints", endpoints.toString(), "--topic", topic, "--timeout-ms", "60000");

    // then
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.stderr()).contains("DECODE FAILED").contains(topic + "/0@0").contains("magic byte");
    assertThat(check.stdout()).isBlank();
  }

  private Path writeEndpoints(LocalStack stack) throws IOException {
    Path file = tempDir.resolve("endpoints.properties");
    Files.writeString(file,
        "# written like ./newsstream up does\n"
            + "kafka.bootstrap.servers=" + stack.bootstrapServers() + "\n"
            + "schema.registry.url=" + stack.schemaRegistryUrl() + "\n");
    return file;
  }

  private static List<byte[]> produce(LocalStack stack, String topic, EnrichedArticle... articles) throws Exception {
    RegistryAvroSerializer<EnrichedArticle> serializer = new RegistryAvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl()), false);
    List<byte[]> values = new ArrayList<>();
    for (EnrichedArticle article : articles) {
      values.add(serializer.serialize(topic, article));
    }
    serializer.close();
    try (KafkaProducer<String, byte[]> producer = producer(stack)) {
      for (int i = 0; i < articles.length; i++) {
        producer.send(new ProducerRecord<>(topic, articles[i].getArticleId(), values.get(i))).get();
      }
    }
    return values;
  }

  private static void produceRaw(LocalStack stack, String topic, byte[] value) throws Exception {
    try (KafkaProducer<String, byte[]> producer = producer(stack)) {
      producer.send(new ProducerRecord<>(topic, "k", value)).get();
    }
  }

  private static KafkaProducer<String, byte[]> producer(LocalStack stack) {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
            // as ingest-service writes articles.raw: the tool must read lz4 batches too
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private record Run(int exitCode, String stdout, String stderr) {}

  private static boolean commandWorks(Path dir, String... command) {
    try {
      return run(dir, 30, command).exitCode() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static Run run(Path dir, int timeoutSeconds, String... command) throws IOException {
    Path out = Files.createTempFile("interop-out", ".txt");
    Path err = Files.createTempFile("interop-err", ".txt");
    Process process = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n"
            + Files.readString(out) + Files.readString(err));
      }
      return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
