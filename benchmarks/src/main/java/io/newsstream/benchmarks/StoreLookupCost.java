package io.newsstream.benchmarks;

import io.newsstream.processor.dedup.ContainmentSketch;
import io.newsstream.processor.dedup.DedupSerdes;
import io.newsstream.processor.dedup.DedupState;
import io.newsstream.processor.dedup.DedupState.NearEntry;
import io.newsstream.processor.dedup.KeyPresence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * What a dedup lookup of a key the store does not hold costs in a RocksDB window store as large as
 * a week of a busy processor's text keys, against the same lookup answered by {@link KeyPresence},
 * and how long reading such a store into a filter takes. Most lookups of the dedup steps are of
 * such keys (a new article's eventId, URL, content hash, SimHash blocks and containment keys). The
 * processor benchmark starts from empty stores, whose entries are all still in RocksDB's memtable,
 * so it cannot show this.
 *
 * <p>The store is the text-key step's ({@code dedup-text-key-store}: the processor's serde,
 * retention 7 days, duplicates retained, RocksDB with Kafka Streams' default settings), holding
 * {@code --entries} containment-key entries spread over {@code --hours}, flushed to disk.
 *
 * <p>Usage: {@code java -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:$(cat
 * benchmarks/target/runtime.classpath)" io.newsstream.benchmarks.StoreLookupCost [--entries N]
 * [--hours H] [--lookups N]}.
 */
public final class StoreLookupCost {

  static {
    Logging.configure();
  }

  private static final Set<String> KNOWN = Set.of("entries", "hours", "lookups", "help");
  private static final long RETENTION = Duration.ofDays(7).toMillis();
  private static final long BASE = 1_780_000_000_000L;

  private StoreLookupCost() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args, KNOWN, Set.of("help"));
    if (options.flag("help")) {
      System.out.println("options: --entries N (default 2000000) --hours H (default 48) --lookups N (default 200000)");
      return;
    }
    int entries = options.positiveInt("entries", 2_000_000);
    int hours = options.positiveInt("hours", 48);
    int lookups = options.positiveInt("lookups", 200_000);
    long span = Duration.ofHours(hours).toMillis();
    Path dir = Files.createTempDirectory("store-lookup-cost");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "store-lookup-cost");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    MockProcessorContext<String, String> context = new MockProcessorContext<>(props, new TaskId(0, 0), dir.toFile());
    WindowStore<String, NearEntry> store =
        Stores.windowStoreBuilder(
                Stores.persistentWindowStore("dedup-text-key-store", Duration.ofMillis(RETENTION), Duration.ofMillis(RETENTION), true),
                Serdes.String(),
                DedupSerdes.nearEntry())
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    try {
      System.out.printf(Locale.ROOT, "%s%nwriting %,d entries over %d hours…%n", Machine.describe(), entries, hours);
      Random random = new Random(42);
      long t = System.nanoTime();
      for (int i = 0; i < entries; i++) {
        String key = "c:" + Integer.toHexString(random.nextInt()) + "-" + Integer.toHexString(random.nextInt());
        NearEntry entry =
            new NearEntry(UUID.randomUUID().toString(), UUID.randomUUID().toString(), random.nextLong(), DedupState.UNKNOWN_TIME,
                ContainmentSketch.EMPTY);
        store.put(key, entry, BASE + (long) i * span / entries);
      }
      store.flush();
      System.out.printf(Locale.ROOT, "  %.1f µs per put%n", (System.nanoTime() - t) / 1e3 / entries);

      t = System.nanoTime();
      KeyPresence presence = KeyPresence.reading(store, RETENTION, "dedup-text-key-store");
      presence.fill(Duration.ofHours(1));
      System.out.printf(Locale.ROOT, "reading the store into a key filter: %.2f s (%.2f µs per entry), %,d KB of filters%n",
          (System.nanoTime() - t) / 1e9, (System.nanoTime() - t) / 1e3 / entries, presence.bytes() / 1024);

      for (int round = 1; round <= 3; round++) {
        long found = 0;
        long maybe = 0;
        long storeNanos = 0;
        long filterNanos = 0;
        for (int i = 0; i < lookups; i++) {
          String key = "c:absent-" + round + "-" + i;
          long ts = BASE + (long) (random.nextDouble() * span);
          long a = System.nanoTime();
          try (WindowStoreIterator<NearEntry> it = store.backwardFetch(key, ts - RETENTION, ts + RETENTION)) {
            if (it.hasNext()) {
              found++;
            }
          }
          long b = System.nanoTime();
          if (presence.mightContain(key, ts - RETENTION, ts + RETENTION)) {
            maybe++;
          }
          long c = System.nanoTime();
          storeNanos += b - a;
          filterNanos += c - b;
        }
        System.out.printf(Locale.ROOT,
            "round %d: %,d lookups of keys not in the store: %.2f µs each in the store (%d found), %.3f µs in the filter"
                + " (%.2f %% maybe)%n",
            round, lookups, storeNanos / 1e3 / lookups, found, filterNanos / 1e3 / lookups, 100.0 * maybe / lookups);
      }
      presence.close();
    } finally {
      store.close();
      WorkDir.wipe(dir);
    }
  }
}
