package io.newsstream.processor.topology;

import io.newsstream.processor.dedup.Homes;
import io.newsstream.schemas.avro.EnrichedArticle;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Tells whether an article was read at its {@link Homes home} partition: the task's partition
 * number is the partition its canonical URL hashes to among the home partitions. Tasks are
 * numbered by partition, and the task that reads partition p of {@code articles.raw} also reads
 * partition p of the home and verdict topics, so an article read at home needs no hop.
 */
final class HomeCheck extends ContextualFixedKeyProcessor<String, EnrichedArticle, Placed> {

  private final int homes;

  HomeCheck(int homes) {
    this.homes = homes;
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedArticle> record) {
    EnrichedArticle article = record.value();
    boolean atHome = context().taskId().partition() == Homes.partitionOf(article, homes);
    context().forward(record.withValue(new Placed(article, atHome)));
  }
}
