package io.newsstream.processor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StallMonitorTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final AtomicReference<Map<String, Duration>> stalled = new AtomicReference<>(Map.of());
  private final List<String> errors = new ArrayList<>();
  private final List<String> infos = new ArrayList<>();
  private final List<Integer> exits = new ArrayList<>();

  private StallMonitor monitor(boolean exit) {
    return new StallMonitor(
        stalled::get,
        TIMEOUT,
        exit,
        70,
        exits::add,
        thread -> "\"" + thread + "\" WAITING\n\tat some.Lock.await\n",
        new StallMonitor.Log() {
          @Override
          public void error(String line) {
            errors.add(line);
          }

          @Override
          public void info(String line) {
            infos.add(line);
          }
        });
  }

  @Test
  void shouldLogAStallOnceWithTheStackAndAgainWhenTheThreadPollsAgain() {
    // given
    StallMonitor monitor = monitor(false);

    // when: nothing, then a stall seen by three checks, then the thread polls again
    monitor.check();
    stalled.set(Map.of("app-StreamThread-2", Duration.ofSeconds(130)));
    monitor.check();
    stalled.set(Map.of("app-StreamThread-2", Duration.ofSeconds(140)));
    monitor.check();
    monitor.check();
    stalled.set(Map.of());
    monitor.check();

    // then
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0))
        .startsWith("Stream thread app-StreamThread-2 has not polled for 130 s (stall-timeout 2 min)")
        .contains("\"app-StreamThread-2\" WAITING\n\tat some.Lock.await");
    assertThat(infos).containsExactly("Stream thread app-StreamThread-2 polls again");
    assertThat(exits).as("report only by default").isEmpty();
  }

  @Test
  void shouldExitOnceWithTheStatusWhenExitIsOn() {
    // given
    StallMonitor monitor = monitor(true);

    // when
    monitor.check();
    stalled.set(Map.of("app-StreamThread-1", Duration.ofSeconds(125)));
    monitor.check();
    monitor.check();

    // then: the stall is logged with its stack before the exit, and the exit asked once
    assertThat(exits).containsExactly(70);
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).contains("at some.Lock.await");
    assertThat(errors.get(1)).startsWith("Exiting with status 70 (stall-exit is on)");
  }

  @Test
  void shouldDumpTheStackAndLockOfANamedLiveThread() throws InterruptedException {
    // given: a thread of a known name, waiting
    Object lock = new Object();
    Thread waiting =
        new Thread(
            () -> {
              synchronized (lock) {
                try {
                  lock.wait();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            },
            "stall-monitor-test-thread");
    waiting.setDaemon(true);
    waiting.start();
    try {
      while (waiting.getState() != Thread.State.WAITING) {
        Thread.onSpinWait();
      }

      // when
      String stack = ThreadStacks.of("stall-monitor-test-thread");

      // then
      assertThat(stack)
          .startsWith("\"stall-monitor-test-thread\" WAITING on java.lang.Object@")
          .contains("java.lang.Object.wait(");
      assertThat(ThreadStacks.of("no-such-thread")).isEqualTo("(thread not found)");
    } finally {
      waiting.interrupt();
    }
  }
}
