package io.newsstream.processor.dedup;

import io.newsstream.processor.dedup.DedupState.NearCheck;
import io.newsstream.schemas.avro.EnrichedArticle;
import java.util.Set;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * SAME_CONTENT and NEAR_DUPLICATE, the start: at the article's home partition (after the
 * same-URL step), parks the article under its eventId in the article store and records in the
 * pending store which verdicts it waits for: one from each text-key partition that owns some of
 * its keys. Then sends its {@link TextProbe} once to each of them, keyed by the owner's number
 * ({@link PartitionNumberPartitioner}). Only the probe crosses the text-key topics, not the
 * article; {@link NearDecisionProcessor} takes the article back out when the last verdict
 * arrives. The article is written once and read once: the verdicts only touch the small pending
 * entry.
 */
public final class TextProbeProcessor extends ContextualProcessor<String, EnrichedArticle, String, TextProbe> {

  private final int blockCount;
  private final boolean containment;
  private final int textPartitions;
  private KeyValueStore<String, NearCheck> pending;
  private KeyValueStore<String, EnrichedArticle> articles;

  /**
   * @param blockCount SimHash blocks, 0 when near-duplicates are not looked for
   * @param containment whether the containment rule is on
   * @param textPartitions partitions of the text-key topic
   */
  public TextProbeProcessor(int blockCount, boolean containment, int textPartitions) {
    this.blockCount = blockCount;
    this.containment = containment;
    this.textPartitions = textPartitions;
  }

  @Override
  public void init(ProcessorContext<String, TextProbe> context) {
    super.init(context);
    pending = context.getStateStore(NearDecisionProcessor.STORE);
    articles = context.getStateStore(NearDecisionProcessor.ARTICLE_STORE);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    EnrichedArticle article = record.value();
    TextProbe probe = TextProbe.of(article, blockCount, containment, context().taskId().partition());
    Set<Integer> owners = probe.partitions(textPartitions);
    articles.put(article.getEventId(), article);
    pending.put(article.getEventId(), NearCheck.waiting(article.getArticleId(), article.getEventId(), TextProbe.mask(owners)));
    for (int owner : owners) {
      context().forward(record.withKey(Integer.toString(owner)).withValue(probe));
    }
  }
}
