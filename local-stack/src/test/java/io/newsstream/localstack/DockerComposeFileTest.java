package io.newsstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks {@code docker-compose.yml} at the repository root without a Docker engine: Docker
 * Compose itself validates it where {@code docker-compose} is installed ({@code .ci/run}
 * installs Debian's package), and every image is pinned to a tag.
 */
class DockerComposeFileTest {

  private static final Path COMPOSE_FILE = repoRoot().resolve("docker-compose.yml");
  private static final Pattern IMAGE = Pattern.compile("^\\s*image:\\s*(\\S+)\\s*$", Pattern.MULTILINE);

  @Test
  void shouldBeValidForDockerCompose() throws Exception {
    // given
    assumeTrue(onPath("docker-compose"), "docker-compose is not installed; .ci/run installs it");

    // when
    Process process = new ProcessBuilder("docker-compose", "-f", COMPOSE_FILE.toString(), "config", "-q")
        .redirectErrorStream(true)
        .start();
    boolean finished = process.waitFor(60, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    // then
    assertThat(finished).as("docker-compose config finished").isTrue();
    assertThat(process.exitValue()).as("docker-compose config -q output: %s", output).isZero();
  }

  @Test
  void shouldPinEveryImageToAVersionTag() throws IOException {
    // given
    String compose = Files.readString(COMPOSE_FILE, StandardCharsets.UTF_8);

    // when
    Matcher matcher = IMAGE.matcher(compose);
    List<String> images = matcher.results().map(m -> m.group(1)).toList();

    // then
    assertThat(images).contains("apache/kafka:4.3.1").anyMatch(i -> i.startsWith("confluentinc/cp-schema-registry:"));
    assertThat(images).allSatisfy(image -> assertThat(image).matches("[a-z0-9./-]+:[0-9][A-Za-z0-9._-]*"));
  }

  @Test
  void shouldRunBothServicesAndTheTopicInitialiser() throws IOException {
    // given
    String compose = Files.readString(COMPOSE_FILE, StandardCharsets.UTF_8);

    // then
    assertThat(compose)
        .contains("\n  kafka:", "\n  schema-registry:", "\n  topic-init:", "\n  ingest-service:", "\n  stream-processor:")
        .contains("KAFKA_PROCESS_ROLES: broker,controller")
        .contains("context: ./ingest-service", "context: ./stream-processor");
    assertThat(repoRoot().resolve("ingest-service/Dockerfile")).isRegularFile();
    assertThat(repoRoot().resolve("stream-processor/Dockerfile")).isRegularFile();
  }

  @Test
  void shouldGiveEachProcessorReplicaItsOwnStateAndAsManyPartitionsAsTheInput() throws IOException {
    // given
    String compose = Files.readString(COMPOSE_FILE, StandardCharsets.UTF_8);
    String processor = compose.substring(compose.indexOf("\n  stream-processor:"));
    processor = processor.contains("\nvolumes:") ? processor.substring(0, processor.indexOf("\nvolumes:")) : processor;

    // when
    Matcher raw = Pattern.compile("create articles\\.raw (\\d+)").matcher(compose);
    Matcher partitions = Pattern.compile("NEWSSTREAM_PROCESSOR_TOPIC_PARTITIONS: \"?(\\d+)").matcher(processor);

    // then: Kafka Streams locks its state directory, so replicas (--scale) must not share one
    assertThat(processor).contains("NEWSSTREAM_STATE_DIR: /var/lib/newsstream/state");
    assertThat(processor).containsPattern("\\n\\s+- /var/lib/newsstream/state\\n");
    assertThat(processor).doesNotContainPattern("-\\s*[\\w.-]+:/var/lib/newsstream/state");
    assertThat(raw.find()).as("topic-init creates articles.raw").isTrue();
    assertThat(partitions.find()).as("the processor's topic-partitions is set").isTrue();
    assertThat(partitions.group(1)).isEqualTo(raw.group(1));
  }

  private static Path repoRoot() {
    String root = System.getProperty("newsstream.repo.root");
    return root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
