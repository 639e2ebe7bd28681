package io.newsstream.processor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstream.localstack.LocalStack;
import io.newsstream.localstack.LocalStackExtension;
import io.newsstream.processor.testing.Articles;
import io.newsstream.processor.testing.KafkaClients;
import io.newsstream.processor.testing.KafkaClients.TopicReader;
import io.newsstream.schemas.avro.DuplicateDetected;
import io.newsstream.schemas.avro.EnrichedArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application ({@code java -jar} of the fat jar, as the run command starts it) is
 * killed with SIGKILL while articles are streaming in, then restarted on the same state
 * directory: with exactly_once_v2 every article is on articles.enriched exactly once for a
 * read_committed consumer, and no replay is mistaken for a duplicate.
 */
@ExtendWith(LocalStackExtension.class)
class CrashRecoveryIT {

  private static final int ARTICLES = 240;
  /** Articles sent only after the kill. */
  private static final int AFTER_KILL = 80;
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final String[] WORDS = (
      "market government team science health film vote bank court player energy climate museum doctor"
          + " school budget river festival company police election virus galaxy factory harvest album coach"
          + " minister trade storm satellite hospital bridge airline protest treaty vaccine stadium novel"
          + " engineer island railway senate startup planet orchestra border farmer tariff reactor village")
      .split(" ");

  @TempDir Path stateDir;
  /** The processes' own logs, kept under target/ so a failed run can be read whole afterwards. */
  private Path logDir;

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopProcesses() {
    processes.forEach(Process::destroyForcibly);
  }

  private Process startProcessor(LocalStack stack, String ns, String name) throws IOException {
    Path jar = Path.of("target", "stream-processor-0.1.0-SNAPSHOT-all.jar").toAbsolutePath();
    assertThat(jar).as("fat jar built by the package phase").exists();
    ProcessBuilder builder =
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar.toString());
    Map<String, String> env = builder.environment();
    env.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
    env.put("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl());
    env.put("MICRONAUT_SERVER_PORT", "-1");
    env.put("NEWSSTREAM_STATE_DIR", stateDir.toString());
    env.put("NEWSSTREAM_PROCESSOR_APPLICATION_ID", ns + "-processor");
    env.put("NEWSSTREAM_PROCESSOR_RAW_TOPIC", ns + ".articles.raw");
    env.put("NEWSSTREAM_PROCESSOR_ENRICHED_TOPIC", ns + ".articles.enriched");
    env.put("NEWSSTREAM_PROCESSOR_DUPLICATES_TOPIC", ns + ".articles.duplicates");
    env.put("NEWSSTREAM_PROCESSOR_DEAD_LETTER_TOPIC", ns + ".articles.dlq");
    env.put("NEWSSTREAM_PROCESSOR_TOPIC_STREAM_PREFIX", ns + ".articles.topic.");
    builder.redirectErrorStream(true).redirectOutput(logDir.resolve(name + ".log").toFile());
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  /** A distinct article: random words, so no two are near-duplicates of each other. */
  private static io.newsstream.schemas.avro.ArticleSubmitted article(String ns, int i, Random random) {
    StringBuilder body = new StringBuilder();
    for (int w = 0; w < 120; w++) {
      body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 12 == 11 ? ". " : " ");
    }
    return Articles.submitted("https://crash.example.com/" + ns + "/" + i, "Article " + i + " " + WORDS[i % WORDS.length], body.toString());
  }

  @Test
  void shouldEmitEveryArticleExactlyOnceAcrossAKillDashNine(LocalStack stack) throws Exception {
    // given
    String ns = "cr" + UUID.randomUUID().toString().substring(0, 8);
    logDir = Files.createDirectories(Path.of("target", "it-logs", "CrashRecoveryIT-" + ns));
    stack.createTopic(ns + ".articles.raw", 4);
    Process first = startProcessor(stack, ns, "first");
    Random random = new Random(42);
    List<io.newsstream.schemas.avro.ArticleSubmitted> articles = new ArrayList<>();
    for (int i = 0; i < ARTICLES; i++) {
      articles.add(article(ns, i, random));
    }

    try (KafkaClients clients = new KafkaClients(stack.bootstrapServers(), stack.schemaRegistryUrl())) {
      // a steady stream of submissions while the processor runs, dies and comes back; the last
      // AFTER_KILL wait for the kill, so the restarted instance has articles of its own to process
      // even when the first one drained everything sent before it died (a slow start can let the
      // whole first part pile up and come out in one transaction)
      CountDownLatch killed = new CountDownLatch(1);
      CompletableFuture<Void> producing =
          CompletableFuture.runAsync(
              () -> {
                try {
                  for (int i = 0; i < articles.size(); i++) {
                    if (i == articles.size() - AFTER_KILL) {
                      killed.await();
                    }
                    clients.send(ns + ".articles.raw", null, articles.get(i));
                    Thread.sleep(25); // pacing of the input, not waiting for a result
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      try (TopicReader<EnrichedArticle> enriched = clients.reader(ns + ".articles.enriched", EnrichedArticle.class)) {
        await().atMost(TIMEOUT).until(() -> enriched.values().size() >= 20);

        // when: killed without any chance to commit or close
        first.destroyForcibly().waitFor();
        EnrichedArticle beforeKill = enriched.values().get(0);
        killed.countDown();
        startProcessor(stack, ns, "second");
        producing.get();

        // then: every article exactly once, and it stays that way
        await()
            .atMost(TIMEOUT)
            .until(() -> enriched.values().stream().map(EnrichedArticle::getEventId).distinct().count() == ARTICLES);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).until(() -> enriched.values().size() == ARTICLES);
        Map<String, Long> perEvent =
            enriched.values().stream().collect(Collectors.groupingBy(EnrichedArticle::getEventId, Collectors.counting()));
        assertThat(perEvent.values()).containsOnly(1L);
        assertThat(perEvent.keySet())
            .containsExactlyInAnyOrderElementsOf(articles.stream().map(a -> a.getEventId()).toList());

        // and the dedup state read back from the changelogs still knows what came before the
        // kill: the text-key index (its changelog holds one record per article) finds a copy and
        // a lightly edited copy, under other URLs, of an article emitted by the first instance
        var original = articles.stream().filter(a -> a.getEventId().equals(beforeKill.getEventId())).findFirst().orElseThrow();
        clients.send(
            ns + ".articles.raw", null, Articles.submitted("https://copy.example.org/" + ns + "/same", original.getTitle(), original.getBody()));
        clients.send(
            ns + ".articles.raw",
            null,
            Articles.submitted(
                "https://copy.example.org/" + ns + "/edited", original.getTitle(), original.getBody().replaceFirst("^\\w+", "referendum")));
        try (TopicReader<DuplicateDetected> duplicates = clients.reader(ns + ".articles.duplicates", DuplicateDetected.class)) {
          await().atMost(Duration.ofSeconds(60)).until(() -> duplicates.values().size() >= 2);
          await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).until(() -> duplicates.values().size() == 2);
          // nothing else: no replayed record was taken for a duplicate
          assertThat(duplicates.values())
              .extracting(d -> d.getKind().toString(), d -> d.getDuplicateOf().toString())
              .containsExactlyInAnyOrder(
                  org.assertj.core.groups.Tuple.tuple("SAME_CONTENT", beforeKill.getArticleId().toString()),
                  org.assertj.core.groups.Tuple.tuple("NEAR_DUPLICATE", beforeKill.getArticleId().toString()));
        }
        assertThat(enriched.values()).hasSize(ARTICLES);
      }
      // and the restart said how it rebuilt the state the kill left unclean (exactly-once wipes
      // it): the dedup stores read back from their changelogs, with the record counts
      List<String> restored =
          Files.readAllLines(logDir.resolve("second.log")).stream()
              .filter(line -> line.contains("Restored dedup-"))
              .toList();
      for (String store : List.of("dedup-url-store", "dedup-text-key-store")) {
        assertThat(restored)
            .as("restore lines of " + store)
            .filteredOn(line -> line.contains("Restored " + store + " from " + ns + "-processor-" + store + "-changelog-"))
            .isNotEmpty()
            .anyMatch(line -> !line.contains(": 0 records in"));
      }
    } catch (AssertionError | RuntimeException e) {
      for (String name : List.of("first", "second")) {
        Path log = logDir.resolve(name + ".log");
        if (Files.exists(log)) {
          List<String> lines = Files.readAllLines(log);
          System.err.println("--- " + name + " processor log (tail) ---\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        }
      }
      throw e;
    }
  }

}
