package io.newsstream.processor.dedup;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends a {@link TextProbe} to the partition its record key names: the key is the number of the
 * text-key partition whose keys the copy is for ({@link TextProbe#partitions}), so an article
 * crosses the text-key topic as at most one record per partition instead of one per key. The
 * owner of each key is decided by the key's number, not by where the record lands, so the
 * decision is the same wherever it runs.
 */
public final class TextKeyPartitioner implements StreamPartitioner<String, TextProbe> {

  @Override
  public Optional<Set<Integer>> partitions(String topic, String owner, TextProbe probe, int numPartitions) {
    return Optional.of(Set.of(Integer.parseInt(owner) % numPartitions));
  }
}
