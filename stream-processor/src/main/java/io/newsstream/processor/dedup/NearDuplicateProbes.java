package io.newsstream.processor.dedup;

import io.newsstream.processor.dedup.DedupState.NearCheck;
import io.newsstream.schemas.avro.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * Fans an article out into its text probes: probe 0 keyed by its content hash ({@code "h:…"},
 * SAME_CONTENT); when near-duplicates are looked for, one per SimHash block ({@link
 * SimHashBlocks#blockKey}) and, when the containment rule is on, one per {@link
 * ContainmentSketch#keys() containment key}; a revision (n &gt; 1) sends only probe 0. Only probe 0 carries the article, so the body
 * crosses the repartition topic once; SimHash probes carry only the figures of the sketch.
 */
public final class NearDuplicateProbes {

  /** Prefix of the content-hash probe's key. */
  public static final String CONTENT_KEY_PREFIX = "h:";

  private NearDuplicateProbes() {}

  /**
   * @param nearBlockCount SimHash blocks, 0 when near-duplicates are not looked for
   * @param nearContainment whether containment probes are sent
   */
  public static List<KeyValue<String, NearCheck>> probes(EnrichedArticle article, int nearBlockCount, boolean nearContainment) {
    // A revision is a real change of an article already emitted (the URL step tells light edits
    // apart): it is not a near-duplicate of another URL's text, or an extended story would be
    // dropped as a copy of its own syndicated first version.
    boolean revision = article.getRevision() > 1;
    int blockCount = revision ? 0 : nearBlockCount;
    boolean containment = !revision && nearContainment;
    long simhash = article.getSimhash();
    long publishedAt = article.getPublishedAt() == null ? DedupState.UNKNOWN_TIME : article.getPublishedAt().toEpochMilli();
    ContainmentSketch sketch = blockCount > 0 || containment ? ContainmentSketch.of(article.getBody()) : ContainmentSketch.EMPTY;
    List<String> containmentKeys = containment ? sketch.keys() : List.of();
    int probeCount = 1 + blockCount + containmentKeys.size();
    List<KeyValue<String, NearCheck>> probes = new ArrayList<>(probeCount);
    ContainmentSketch figures = sketch.figuresOnly();
    for (int i = 0; i < probeCount; i++) {
      String key;
      ContainmentSketch carried;
      if (i == 0) {
        key = CONTENT_KEY_PREFIX + article.getContentHash();
        carried = ContainmentSketch.EMPTY;
      } else if (i <= blockCount) {
        key = SimHashBlocks.blockKey(simhash, i - 1, blockCount);
        carried = figures;
      } else {
        key = containmentKeys.get(i - 1 - blockCount);
        carried = sketch;
      }
      NearCheck probe =
          new NearCheck(
              probeCount,
              1L << i,
              article.getArticleId(),
              article.getEventId(),
              simhash,
              publishedAt,
              carried,
              i == 0 ? article : null,
              null,
              null,
              -1,
              false);
      probes.add(KeyValue.pair(key, probe));
    }
    return probes;
  }

  static boolean isContentKey(String key) {
    return key.startsWith(CONTENT_KEY_PREFIX);
  }
}
