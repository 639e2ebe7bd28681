package io.newsstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the Node.js tests of {@code tools/interop/aborted-filter.js}, the read_committed filter the
 * interop tool puts in place of kafkajs's own; skipped when {@code node} is not installed. They need
 * no packages, so no {@code npm ci}.
 */
class NodeAbortedFilterTest {

  @Test
  void shouldDropEveryRecordOfAbortedTransactionsInTheInteropTool() throws Exception {
    // given
    Path toolDir =
        Path.of(System.getProperty("newsstream.repo.root", "..")).toAbsolutePath().normalize().resolve("tools/interop");
    assumeTrue(nodeWorks(toolDir), "node is not installed: skipping the interop tool's Node.js tests");

    // when
    Process node =
        new ProcessBuilder("node", "--test", "aborted-filter.test.js")
            .directory(toolDir.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node --test finished").isTrue();

    // then
    assertThat(node.exitValue()).as("node --test aborted-filter.test.js:%n%s", output).isZero();
    assertThat(output).contains("# fail 0");
  }

  private static boolean nodeWorks(Path dir) {
    try {
      Process process = new ProcessBuilder("node", "--version").directory(dir.toFile()).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
