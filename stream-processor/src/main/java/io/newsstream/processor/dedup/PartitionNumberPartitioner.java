package io.newsstream.processor.dedup;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends a record to the partition its key names. Text probes are keyed by the number of the
 * text-key partition whose keys the copy is for ({@link TextProbe#partitions}), so an article
 * crosses the text-key topic as at most one record per partition instead of one per key; the
 * owner of each key is decided by the key's number, not by where the record lands, so the
 * decision is the same wherever it runs. Verdicts are keyed by the number of the article's
 * {@link Homes home} partition, where the article waits for them.
 *
 * @param <V> record value
 */
public final class PartitionNumberPartitioner<V> implements StreamPartitioner<String, V> {

  @Override
  public Optional<Set<Integer>> partitions(String topic, String number, V value, int numPartitions) {
    return Optional.of(Set.of(Integer.parseInt(number) % numPartitions));
  }
}
