package io.newsstream.benchmarks;

import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What RocksDB did for a topology's stores over its run, by the statistics Kafka Streams records
 * at {@code metrics.recording.level=DEBUG} only (summed over the stores): the bytes written into
 * the stores, the bytes their memtables flushed to disk, and the time writes stalled. A bound of
 * {@code rocksdb-memory} too small for the load shows as write stalls: at 64MB, 109 s of them in a
 * run of 160 s that went at a third of the speed, against 0.1 s in 108 s at 256MB. Kafka Streams
 * records these statistics once a minute (not configurable), so a run shorter than a minute shows
 * none and the last part of a run is left out.
 *
 * @param bytesWritten {@code bytes-written-total}
 * @param memtableBytesFlushed {@code memtable-bytes-flushed-total}
 * @param writeStallMicros {@code write-stall-duration-total}, in microseconds as RocksDB counts it
 */
record RocksDbWork(double bytesWritten, double memtableBytesFlushed, double writeStallMicros) {

  /** The statistics of a running {@code streams}; null when they are not recorded (INFO). */
  static RocksDbWork of(KafkaStreams streams) {
    return aggregate(NativeMemory.storeMetrics(streams));
  }

  /** Sums the three totals over the stores; null when none of them is there. */
  static RocksDbWork aggregate(List<NativeMemory.StoreMetric> metrics) {
    double written = 0;
    double flushed = 0;
    double stalls = 0;
    boolean recorded = false;
    for (NativeMemory.StoreMetric metric : metrics) {
      double value = metric.value();
      if (Double.isNaN(value) || value < 0) {
        continue;
      }
      switch (metric.name()) {
        case "bytes-written-total" -> written += value;
        case "memtable-bytes-flushed-total" -> flushed += value;
        case "write-stall-duration-total" -> stalls += value;
        default -> {
          continue;
        }
      }
      recorded = true;
    }
    return recorded ? new RocksDbWork(written, flushed, stalls) : null;
  }

  String describe() {
    if (bytesWritten == 0 && memtableBytesFlushed == 0 && writeStallMicros == 0) {
      return "none recorded yet (Kafka Streams records them once a minute)";
    }
    return String.format(Locale.ROOT, "written %.0f MB, memtables flushed %.0f MB (%.2f per byte written), writes stalled %.1f s",
        bytesWritten / 1048576.0, memtableBytesFlushed / 1048576.0,
        bytesWritten > 0 ? memtableBytesFlushed / bytesWritten : 0.0, writeStallMicros / 1e6);
  }
}
