package io.newsstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.localstack.process.ChildProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class UpChildWatchTest {

  @TempDir
  Path dir;

  private final Up up = new Up(Up.Options.parse(), LoggerFactory.getLogger(UpChildWatchTest.class));

  @Test
  void shouldReportTheChildThatExitedOnItsOwn() {
    // given a child that keeps running (the registry, say) and one that dies (the broker, say)
    ChildProcess registry = sleeper("schema-registry");
    ChildProcess broker = ChildProcess.start("kafka", List.of("bash", "-c", "sleep 0.5; exit 3"),
        dir, Map.of(), dir.resolve("kafka.log"));
    try {
      // when
      ChildProcess dead = up.awaitFirstExit(List.of(registry, broker));

      // then
      assertThat(dead).isSameAs(broker);
      assertThat(dead.exitCode()).isEqualTo(3);
      assertThat(dead.logFile()).isEqualTo(dir.resolve("kafka.log"));
      assertThat(registry.isAlive()).isTrue();
    } finally {
      registry.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void shouldReportNoDeathWhenChildrenExitBecauseOfShutdown() throws Exception {
    // given
    ChildProcess broker = sleeper("kafka");
    CompletableFuture<ChildProcess> watch = CompletableFuture.supplyAsync(() -> up.awaitFirstExit(List.of(broker)));

    // when Ctrl-C: shutdown begins, then the children it stops exit
    up.shutdown();
    broker.stop(Duration.ofSeconds(5));

    // then
    assertThat(watch.get(10, TimeUnit.SECONDS)).isNull();
  }

  private ChildProcess sleeper(String name) {
    return ChildProcess.start(name, List.of("sleep", "300"), dir, Map.of(), dir.resolve(name + ".log"));
  }
}
