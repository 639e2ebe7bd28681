package io.newsstream.localstack.process;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounded polling of a readiness probe for a {@link ChildProcess}.
 *
 * <p>Fails fast when the process exits, and on time-out; either way the {@link StartupException}
 * names the log file and quotes its last lines, which is where the reason usually is.
 */
public final class Readiness {

  /** A readiness check; returning false or throwing means "not yet". */
  @FunctionalInterface
  public interface Probe {
    boolean ready() throws Exception;
  }

  private static final int TAIL_LINES = 30;
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  private Readiness() {}

  /**
   * Polls {@code probe} until it answers true, the process exits, or {@code timeout} passes.
   *
   * @param what what is awaited, for messages, e.g. "Kafka broker"
   */
  public static void await(String what, ChildProcess process, Duration timeout, Probe probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception lastFailure = null;
    while (true) {
      if (!process.isAlive()) {
        throw failure(what + " exited with code " + process.exitCode() + " before it was ready", process, lastFailure);
      }
      try {
        if (probe.ready()) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StartupException("interrupted while waiting for " + what, e);
      } catch (Exception e) {
        lastFailure = e;
      }
      if (System.nanoTime() > deadline) {
        throw failure(what + " was not ready within " + timeout.toSeconds() + " s", process, lastFailure);
      }
      // Polling a probe with a pause is the point here: there is nothing to be notified by.
      LockSupport.parkNanos(POLL_INTERVAL.toNanos());
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new StartupException("interrupted while waiting for " + what);
      }
    }
  }

  private static StartupException failure(String message, ChildProcess process, Exception lastFailure) {
    String text = message
        + (lastFailure == null ? "" : " (last probe error: " + lastFailure + ")")
        + System.lineSeparator()
        + "log file: " + process.logFile() + System.lineSeparator()
        + "last " + TAIL_LINES + " lines:" + System.lineSeparator()
        + process.logTail(TAIL_LINES);
    return lastFailure == null ? new StartupException(text) : new StartupException(text, lastFailure);
  }

  /** Milliseconds since {@code startNanos} as seconds with one decimal, for progress lines. */
  public static String secondsSince(long startNanos) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
