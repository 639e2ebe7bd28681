package io.newsstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadDumpTest {

  @TempDir Path dir;

  @Test
  void shouldWriteEveryThreadsWholeStackAndWhoHoldsTheLockItWaitsFor() throws Exception {
    // given: a thread blocked on a monitor this thread holds
    Object monitor = new Object();
    CountDownLatch waiting = new CountDownLatch(1);
    Thread blocked = new Thread(() -> {
      waiting.countDown();
      synchronized (monitor) {
        monitor.hashCode();
      }
    }, "blocked-on-monitor");
    String dump;
    synchronized (monitor) {
      blocked.start();
      waiting.await();
      while (blocked.getState() != Thread.State.BLOCKED) {
        Thread.onSpinWait();
      }

      // when
      ThreadDump.write(dir.resolve("stall.txt"));
      dump = Files.readString(dir.resolve("stall.txt"));
    }
    blocked.join();

    // then
    assertThat(dump)
        .contains("\"blocked-on-monitor\" BLOCKED on java.lang.Object@")
        .contains("owned by \"" + Thread.currentThread().getName() + "\"")
        .contains("io.newsstream.benchmarks.ThreadDumpTest.shouldWriteEveryThreadsWholeStackAndWhoHoldsTheLockItWaitsFor(ThreadDumpTest.java")
        .contains("- locked java.lang.Object@");
  }
}
