package io.newsstream.processor.dedup;

import io.newsstream.schemas.avro.EnrichedArticle;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Where an article is deduplicated: its home partition, murmur2 of its canonical URL as Kafka's
 * default partitioner computes it. ingest-service keys {@code articles.raw} by the canonical URL,
 * so when {@code articles.raw} has as many partitions as the home topics and both forms of the
 * URL agree (the common case), an article is already at home in the task that reads it and
 * crosses no topic before the text-key step. Every submission of one URL and every retry of one
 * event (a retry repeats its URL) has one home, so SAME_EVENT and the same-URL rules only need
 * the home partition's stores.
 */
public final class Homes {

  private Homes() {}

  /** The home partition of an article among {@code partitions}. */
  public static int partitionOf(EnrichedArticle article, int partitions) {
    return TextProbe.partitionOf(article.getCanonicalUrl(), partitions);
  }

  /** Sends an article that is not at home to its home partition. */
  public static final class Partitioner implements StreamPartitioner<String, EnrichedArticle> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, EnrichedArticle article, int numPartitions) {
      return Optional.of(Set.of(partitionOf(article, numPartitions)));
    }
  }
}
