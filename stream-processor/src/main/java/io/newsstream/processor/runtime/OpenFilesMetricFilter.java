package io.newsstream.processor.runtime;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.inject.Singleton;

/**
 * Leaves out Kafka Streams' {@code number-open-files} store metric, which would otherwise make
 * every scrape of {@code /prometheus} fail.
 *
 * <p>At {@code metrics.recording.level=DEBUG} Kafka Streams records RocksDB's statistics, among
 * them {@code number-open-files}: the files a store opened minus those it closed, summed over
 * recording intervals. That sum goes below zero on a running instance (-2 for each of the
 * processor's stores an instance held, read over JMX), and Micrometer's Kafka binder makes a
 * counter of it; the Prometheus client refuses a negative counter ("counters cannot have a
 * negative value") and fails the whole scrape, so every metric of the instance was lost with it.
 * The store's other RocksDB figures stay.
 */
@Singleton
public class OpenFilesMetricFilter implements MeterFilter {

  static final String NAME = "kafka.stream.state.number.open.files";

  @Override
  public MeterFilterReply accept(Meter.Id id) {
    return NAME.equals(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
  }
}
