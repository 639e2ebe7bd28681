package io.newsstream.processor.dedup;

import io.newsstream.processor.dedup.DedupState.NearCheck;
import io.newsstream.schemas.avro.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * Fans an article out into its near-duplicate probes: one per SimHash block, keyed by {@link
 * SimHashBlocks#blockKey}, then, when the containment rule is on, one per {@link
 * ContainmentSketch#keys() containment key}. Only probe 0 carries the article, so the body
 * crosses the repartition topic once; SimHash probes carry only the figures of the sketch.
 */
public final class NearDuplicateProbes {

  private NearDuplicateProbes() {}

  public static List<KeyValue<String, NearCheck>> probes(EnrichedArticle article, int blockCount, boolean containment) {
    long simhash = article.getSimhash();
    ContainmentSketch sketch = ContainmentSketch.of(article.getBody());
    List<String> containmentKeys = containment ? sketch.keys() : List.of();
    int probeCount = blockCount + containmentKeys.size();
    List<KeyValue<String, NearCheck>> probes = new ArrayList<>(probeCount);
    ContainmentSketch figures = sketch.figuresOnly();
    for (int i = 0; i < probeCount; i++) {
      boolean block = i < blockCount;
      NearCheck probe =
          new NearCheck(
              probeCount,
              1L << i,
              article.getArticleId(),
              article.getEventId(),
              simhash,
              block ? figures : sketch,
              i == 0 ? article : null,
              null,
              null,
              -1);
      String key = block ? SimHashBlocks.blockKey(simhash, i, blockCount) : containmentKeys.get(i - blockCount);
      probes.add(KeyValue.pair(key, probe));
    }
    return probes;
  }
}
