package io.newsstream.ingest.publish;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Warnings of one kind at most once an interval. While the broker is unreachable every article
 * fails alike (a 15 s pause under load gave 1,028 warnings, one per article), and a line per
 * article buries when the outage began and ended. The first warning of a kind is logged at once;
 * the others within the interval go to DEBUG and are counted; the next warning of that kind says
 * how many there were, and so does the first success after them ({@link #recovered}). The
 * failures metric still counts every article. Thread-safe.
 */
final class ThrottledWarnings {

  private final Logger log;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
  /** Warnings held back, of every kind: a success checks only this. */
  private final AtomicLong heldBack = new AtomicLong();

  private static final class Kind {
    boolean logged;
    long loggedAt;
    long heldBack;
  }

  ThrottledWarnings(Logger log, Duration interval, LongSupplier nanoTime) {
    this.log = log;
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Logs a warning of {@code kind} ({@code format} with SLF4J's {@code {}}), or counts it. */
  void warn(String kind, String format, Object... args) {
    long now = nanoTime.getAsLong();
    Kind k = kinds.computeIfAbsent(kind, name -> new Kind());
    long before;
    synchronized (k) {
      if (k.logged && now - k.loggedAt < intervalNanos) {
        k.heldBack++;
        heldBack.incrementAndGet();
        log.debug(format, args);
        return;
      }
      before = k.heldBack;
      k.heldBack = 0;
      k.logged = true;
      k.loggedAt = now;
    }
    if (before == 0) {
      log.warn(format, args);
      return;
    }
    heldBack.addAndGet(-before);
    Object[] more = Arrays.copyOf(args, args.length + 2);
    more[args.length] = before;
    more[args.length + 1] = Duration.ofNanos(intervalNanos).toSeconds();
    log.warn(format + " ({} more like it since the last such warning, at most one every {} s; the others at DEBUG)", more);
  }

  /**
   * After a success: the warnings held back since the last one of each kind, in one line per
   * kind, so that the log shows when the failures stopped.
   */
  void recovered(String topic) {
    if (heldBack.get() == 0) {
      return;
    }
    kinds.forEach(
        (name, k) -> {
          long count;
          synchronized (k) {
            count = k.heldBack;
            k.heldBack = 0;
            k.logged = false;
          }
          if (count > 0) {
            heldBack.addAndGet(-count);
            log.warn("Publishing to {} works again; {} more {} ({}) since the last warning of them, logged at DEBUG",
                topic, count, count == 1 ? "failure" : "failures", name);
          }
        });
  }
}
