package io.newsstream.processor.dedup;

import io.newsstream.schemas.avro.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;

/**
 * What the text-key step needs of one article, without the article: its ids, SimHash,
 * publication time, content hash and containment sketch. Its keys are derived, not carried: the
 * content hash ({@code "h:…"}, SAME_CONTENT), then, when near-duplicates are looked for, one per
 * SimHash block ({@link SimHashBlocks#blockKey}) and, when the containment rule is on, one per
 * {@link ContainmentSketch#keys() containment key}; last the eventId ({@code "e:…"}), so that an
 * event sent again under another URL, which has another home, is still found (SAME_EVENT). A
 * revision (n &gt; 1) has only the content and event keys: the URL step has already judged it a real change of an emitted article, and an extended
 * story must not become a near-duplicate of its own syndicated first version. A {@link
 * Corrections correction} has every key but is checked under the content hash only ({@code
 * nearCheck} false): it differs from what it corrects in a few words on purpose, yet a later copy
 * of the correction must find it.
 *
 * <p>One record per article is multicast to every partition that owns one of its keys ({@link
 * #partitionOf}); each partition checks the keys it owns.
 *
 * @param blockCount SimHash blocks, 0 when the SimHash rule is off for this article
 * @param sketch the body's sketch, {@link ContainmentSketch#EMPTY} when neither near rule runs;
 *     without its shingle values when only the SimHash rule runs
 * @param containment whether the containment keys are probed
 * @param nearCheck whether earlier articles under the SimHash and containment keys are compared
 *     with this one; when false the article is only indexed under them
 * @param home the article's {@link Homes home} partition, where its verdicts are sent
 */
public record TextProbe(
    String articleId,
    String eventId,
    long simhash,
    long publishedAt,
    String contentHash,
    int blockCount,
    ContainmentSketch sketch,
    boolean containment,
    boolean nearCheck,
    int home) {

  /** Prefix of the content-hash key. */
  public static final String CONTENT_KEY_PREFIX = "h:";
  /** Prefix of the eventId key. */
  public static final String EVENT_KEY_PREFIX = "e:";

  /**
   * @param nearBlockCount SimHash blocks, 0 when near-duplicates are not looked for
   * @param nearContainment whether the containment rule is on
   * @param home the article's home partition
   */
  public static TextProbe of(EnrichedArticle article, int nearBlockCount, boolean nearContainment, int home) {
    boolean revision = article.getRevision() > 1;
    int blockCount = revision ? 0 : nearBlockCount;
    boolean containment = !revision && nearContainment;
    ContainmentSketch sketch = ContainmentSketch.EMPTY;
    if (containment) {
      sketch = ContainmentSketch.of(article.getBody());
    } else if (blockCount > 0) {
      sketch = ContainmentSketch.of(article.getBody()).figuresOnly();
    }
    long publishedAt = article.getPublishedAt() == null ? DedupState.UNKNOWN_TIME : article.getPublishedAt().toEpochMilli();
    return new TextProbe(
        article.getArticleId(), article.getEventId(), article.getSimhash(), publishedAt, article.getContentHash(), blockCount, sketch,
        containment, !Corrections.isCorrection(article.getTitle()), home);
  }

  /** Every key of this article: content hash, SimHash blocks, containment keys, eventId. */
  public List<String> keys() {
    List<String> keys = new ArrayList<>(2 + blockCount + 10);
    keys.add(CONTENT_KEY_PREFIX + contentHash);
    for (int i = 0; i < blockCount; i++) {
      keys.add(SimHashBlocks.blockKey(simhash, i, blockCount));
    }
    if (containment) {
      keys.addAll(sketch.keys());
    }
    keys.add(EVENT_KEY_PREFIX + eventId);
    return keys;
  }

  /** The partitions of a topic of {@code partitions} partitions that own one of the keys. */
  public Set<Integer> partitions(int partitions) {
    Set<Integer> owners = new LinkedHashSet<>();
    for (String key : keys()) {
      owners.add(partitionOf(key, partitions));
    }
    return owners;
  }

  /** Bit set of partition numbers (such as {@link #partitions}), as the decision tracks them. */
  public static long mask(Set<Integer> partitions) {
    long mask = 0L;
    for (int p : partitions) {
      mask |= 1L << p;
    }
    return mask;
  }

  /** The partition that owns a key: murmur2 of its UTF-8 bytes, as Kafka's default partitioner. */
  public static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  static boolean isContentKey(String key) {
    return key.startsWith(CONTENT_KEY_PREFIX);
  }

  static boolean isEventKey(String key) {
    return key.startsWith(EVENT_KEY_PREFIX);
  }

  /** What an entry indexed under {@code key} keeps of the sketch. */
  ContainmentSketch sketchFor(String key) {
    if (isContentKey(key) || isEventKey(key)) {
      return ContainmentSketch.EMPTY;
    }
    return ContainmentSketch.isKey(key) ? sketch : sketch.figuresOnly();
  }
}
