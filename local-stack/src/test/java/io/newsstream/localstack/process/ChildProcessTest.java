package io.newsstream.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

  @TempDir
  Path dir;

  @Test
  void shouldStopWholeProcessTreeWhenStopped() {
    // given
    ChildProcess parent = ChildProcess.start("tree", List.of("bash", "-c", "sleep 300 & sleep 300 & wait"),
        dir, Map.of(), dir.resolve("tree.log"));
    await().atMost(Duration.ofSeconds(10)).until(() -> parent.handle().descendants().count() == 2);
    List<ProcessHandle> tree = parent.handle().descendants().toList();

    // when
    parent.stop(Duration.ofSeconds(5));

    // then
    assertThat(parent.isAlive()).isFalse();
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void shouldKillProcessThatIgnoresTermAfterGracePeriod() {
    // given
    ChildProcess stubborn = ChildProcess.start("stubborn",
        List.of("bash", "-c", "trap '' TERM; echo ready; while true; do sleep 0.1; done"),
        dir, Map.of(), dir.resolve("stubborn.log"));
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(stubborn.logFile()).contains("ready"));

    // when
    stubborn.stop(Duration.ofMillis(500));

    // then
    assertThat(stubborn.isAlive()).isFalse();
  }

  @Test
  void shouldAppendOutputToLogFileWithStartHeader() {
    // given
    Path log = dir.resolve("logs").resolve("echo.log");

    // when
    ChildProcess echo = ChildProcess.start("echo", List.of("bash", "-c", "echo hello; echo oops >&2"),
        dir, Map.of("GREETING", "hi"), log);
    echo.onExit().join();

    // then
    assertThat(echo.logTail(10)).contains("starting echo", "hello", "oops");
  }

  @Test
  void shouldNameLogFileAndQuoteItWhenProcessDiesBeforeReady() {
    // given
    ChildProcess failing = ChildProcess.start("failing", List.of("bash", "-c", "echo boom: port in use; exit 3"),
        dir, Map.of(), dir.resolve("failing.log"));

    // when / then
    assertThatThrownBy(() -> Readiness.await("failing service", failing, Duration.ofSeconds(30), () -> false))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("exited with code 3")
        .hasMessageContaining(dir.resolve("failing.log").toString())
        .hasMessageContaining("boom: port in use");
  }

  @Test
  void shouldGiveUpWaitingAfterTimeout() {
    // given
    ChildProcess sleeper = ChildProcess.start("sleeper", List.of("sleep", "300"), dir, Map.of(), dir.resolve("s.log"));
    try {
      // when / then
      assertThatThrownBy(() -> Readiness.await("sleeper", sleeper, Duration.ofMillis(300), () -> false))
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("not ready within");
    } finally {
      sleeper.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void shouldReportTakenPortAsNotFree() throws Exception {
    // given
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int taken = socket.getLocalPort();

      // when
      int chosen = Ports.preferredOrFree(taken);

      // then
      assertThat(Ports.isFree(taken)).isFalse();
      assertThat(chosen).isNotEqualTo(taken).isPositive();
    }
  }
}
