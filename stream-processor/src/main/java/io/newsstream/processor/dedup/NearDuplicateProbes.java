package io.newsstream.processor.dedup;

import io.newsstream.processor.dedup.DedupState.NearCheck;
import io.newsstream.schemas.avro.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * Fans an article out into one probe per SimHash block, keyed by {@link SimHashBlocks#blockKey}.
 * Only block 0's probe carries the article, so the body crosses the repartition topic once.
 */
public final class NearDuplicateProbes {

  private NearDuplicateProbes() {}

  public static List<KeyValue<String, NearCheck>> probes(EnrichedArticle article, int blockCount) {
    List<KeyValue<String, NearCheck>> probes = new ArrayList<>(blockCount);
    long simhash = article.getSimhash();
    for (int i = 0; i < blockCount; i++) {
      NearCheck probe =
          new NearCheck(
              blockCount, 1L << i, article.getArticleId(), article.getEventId(), simhash, i == 0 ? article : null, null, null, -1);
      probes.add(KeyValue.pair(SimHashBlocks.blockKey(simhash, i, blockCount), probe));
    }
    return probes;
  }
}
