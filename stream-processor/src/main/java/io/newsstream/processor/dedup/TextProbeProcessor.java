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
 * same-URL step), parks the article in the pending store under its eventId, waiting for the
 * verdicts of the text-key partitions that own its keys, and sends its {@link TextProbe} once to
 * each of them, keyed by the owner's number ({@link PartitionNumberPartitioner}). Only the probe
 * crosses the text-key topics, not the article; {@link NearDecisionProcessor} takes the article
 * back out of the pending store when the last verdict arrives.
 */
public final class TextProbeProcessor extends ContextualProcessor<String, EnrichedArticle, String, TextProbe> {

  private final int blockCount;
  private final boolean containment;
  private final int textPartitions;
  private KeyValueStore<String, NearCheck> pending;

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
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    EnrichedArticle article = record.value();
    TextProbe probe = TextProbe.of(article, blockCount, containment, context().taskId().partition());
    Set<Integer> owners = probe.partitions(textPartitions);
    pending.put(article.getEventId(), NearCheck.carrier(article, TextProbe.mask(owners)));
    for (int owner : owners) {
      context().forward(record.withKey(Integer.toString(owner)).withValue(probe));
    }
  }
}
