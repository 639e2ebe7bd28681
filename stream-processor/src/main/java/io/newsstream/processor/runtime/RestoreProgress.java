package io.newsstream.processor.runtime;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says what restoring state from the changelogs is doing, which after a lost or wiped state
 * directory (a new machine, or any crash under exactly-once, which discards the stores a task had
 * not checkpointed) can take minutes while nothing is emitted: a line when restoring starts, a
 * summary every {@code interval} while any store partition is restoring (records read, records
 * left, rate), and a line when each store partition ends (each start is logged at DEBUG). {@link #remaining()}
 * feeds {@code /health}'s details.
 */
public final class RestoreProgress implements StateRestoreListener {

  private static final Logger LOG = LoggerFactory.getLogger(RestoreProgress.class);

  /** One store partition being restored. */
  private static final class Restoring {
    final long startNanos;
    final long total;
    volatile long restored;

    Restoring(long startNanos, long total) {
      this.startNanos = startNanos;
      this.total = total;
    }
  }

  /** Store partitions restoring now and the records left to read. */
  public record Remaining(int storePartitions, long records) {
    /** Nothing restoring. */
    public static final Remaining NONE = new Remaining(0, 0);
  }

  private final Map<String, Restoring> active = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;
  private final Duration interval;
  private final Consumer<String> log;
  private volatile long lastSummaryNanos;
  private final AtomicLong restoredSinceSummary = new AtomicLong();

  public RestoreProgress() {
    this(System::nanoTime, Duration.ofSeconds(10), LOG::info);
  }

  RestoreProgress(LongSupplier nanoTime, Duration interval, Consumer<String> log) {
    this.nanoTime = nanoTime;
    this.interval = interval;
    this.log = log;
    this.lastSummaryNanos = nanoTime.getAsLong();
  }

  @Override
  public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
    long total = Math.max(0, endingOffset - startingOffset);
    if (active.isEmpty()) {
      lastSummaryNanos = nanoTime.getAsLong();
      restoredSinceSummary.set(0);
      log.accept(
          String.format(
              Locale.ROOT,
              "Restoring state from the changelogs, starting with %s from %s (about %,d records); a summary every %d s and a line as each store partition ends",
              storeName,
              partition,
              total,
              interval.toSeconds()));
    }
    active.put(key(partition, storeName), new Restoring(nanoTime.getAsLong(), total));
    LOG.debug("Restoring {} from {}: about {} records", storeName, partition, total);
  }

  @Override
  public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
    Restoring restoring = active.get(key(partition, storeName));
    if (restoring != null) {
      restoring.restored += numRestored;
    }
    restoredSinceSummary.addAndGet(numRestored);
    long now = nanoTime.getAsLong();
    long elapsed = now - lastSummaryNanos;
    if (elapsed >= interval.toNanos()) {
      Remaining remaining = remaining();
      long read = active.values().stream().mapToLong(r -> r.restored).sum();
      log.accept(
          String.format(
              Locale.ROOT,
              "Restoring state: %d store partitions, %,d records read, about %,d left, %,.0f records/s",
              remaining.storePartitions(),
              read,
              remaining.records(),
              restoredSinceSummary.getAndSet(0) / (elapsed / 1e9)));
      lastSummaryNanos = now;
    }
  }

  @Override
  public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
    Restoring restoring = active.remove(key(partition, storeName));
    double seconds = restoring == null ? 0 : (nanoTime.getAsLong() - restoring.startNanos) / 1e9;
    log.accept(
        String.format(
            Locale.ROOT,
            "Restored %s from %s: %,d records in %.1f s%s",
            storeName,
            partition,
            totalRestored,
            seconds,
            active.isEmpty() ? "; no store is restoring now" : ""));
  }

  @Override
  public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
    active.remove(key(partition, storeName));
    log.accept(
        String.format(
            Locale.ROOT,
            "Restoring %s from %s stopped after %,d records: its task moved to another thread or instance",
            storeName,
            partition,
            totalRestored));
  }

  /** What is being restored now: store partitions and the records they have left (estimate). */
  public Remaining remaining() {
    int count = 0;
    long records = 0;
    for (Restoring restoring : active.values()) {
      count++;
      records += Math.max(0, restoring.total - restoring.restored);
    }
    return new Remaining(count, records);
  }

  private static String key(TopicPartition partition, String storeName) {
    return storeName + '@' + partition;
  }
}
