package io.newsstream.processor.runtime;

import io.newsstream.schemas.config.Durations;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on what {@link StallWatch} finds, when called periodically: logs each stall once when
 * found, with the stalled thread's stack and locks ({@link ThreadStacks}), and once when the
 * thread polls again; with {@code exit}
 * on, stops the process at the first stall (status {@code exitStatus}) so that its supervisor
 * restarts it. Not thread-safe: one scheduler thread calls {@link #check()}.
 */
final class StallMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(StallMonitor.class);

  /** Where the monitor's lines go: error and info. */
  interface Log {
    void error(String line);

    void info(String line);
  }

  private final Supplier<Map<String, Duration>> stalledThreads;
  private final Duration timeout;
  private final boolean exit;
  private final int exitStatus;
  private final IntConsumer exiter;
  private final Function<String, String> stackOf;
  private final Log log;
  private final Set<String> reported = new HashSet<>();
  private boolean exiting;

  StallMonitor(
      Supplier<Map<String, Duration>> stalledThreads,
      Duration timeout,
      boolean exit,
      int exitStatus,
      IntConsumer exiter,
      Function<String, String> stackOf,
      Log log) {
    this.stalledThreads = stalledThreads;
    this.timeout = timeout;
    this.exit = exit;
    this.exitStatus = exitStatus;
    this.exiter = exiter;
    this.stackOf = stackOf;
    this.log = log;
  }

  /** The monitor of a running processor: logs to SLF4J, exits with {@link System#exit}. */
  static StallMonitor of(StallWatch watch, boolean exit, int exitStatus) {
    return new StallMonitor(
        watch::stalledThreads,
        watch.timeout(),
        exit,
        exitStatus,
        System::exit,
        ThreadStacks::of,
        new Log() {
          @Override
          public void error(String line) {
            LOG.error(line);
          }

          @Override
          public void info(String line) {
            LOG.info(line);
          }
        });
  }

  void check() {
    Map<String, Duration> stalled = stalledThreads.get();
    for (Map.Entry<String, Duration> entry : stalled.entrySet()) {
      if (reported.add(entry.getKey())) {
        log.error(
            "Stream thread " + entry.getKey() + " has not polled for " + entry.getValue().toSeconds() + " s (stall-timeout "
                + Durations.readable(timeout) + "): it is blocked and processes nothing; health is DOWN until it polls again. Its stack:\n"
                + stackOf.apply(entry.getKey()));
      }
    }
    reported.removeIf(
        thread -> {
          if (!stalled.containsKey(thread)) {
            log.info("Stream thread " + thread + " polls again");
            return true;
          }
          return false;
        });
    if (exit && !stalled.isEmpty() && !exiting) {
      exiting = true;
      log.error(
          "Exiting with status " + exitStatus + " (stall-exit is on) so that the supervisor restarts the processor;"
              + " its tasks resume from their last commit");
      exiter.accept(exitStatus);
    }
  }
}
