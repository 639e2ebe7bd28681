package io.newsstream.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The input of the processor benchmark: mostly distinct articles, plus a share of duplicates of
 * earlier ones so that dedup does real work: re-posts under the same URL (same URL, same content),
 * the same text under another URL (same content) and light edits under another URL (near
 * duplicate). Deterministic for a given seed; a duplicate always comes after its original.
 */
final class InputMix {

  /** The largest share of duplicates, in percent: the rest must leave originals to copy. */
  static final int MAX_DUPLICATE_PERCENT = 90;

  /** How an input item relates to the corpus article it is made of. */
  enum Kind {
    ORIGINAL,
    REPOST_SAME_URL,
    SAME_TEXT_OTHER_URL,
    LIGHT_EDIT_OTHER_URL
  }

  /**
   * One input item.
   *
   * @param article the corpus article
   * @param kind how it relates to its original
   * @param urlSequence sequence number that makes the URL unique; a re-post reuses its original's
   */
  record Item(CorpusArticle article, Kind kind, long urlSequence) {}

  private InputMix() {}

  /**
   * {@code count} items; {@code duplicatePercent} of them are duplicates, split evenly over the
   * three duplicate kinds.
   */
  static List<Item> build(List<CorpusArticle> corpus, int count, int duplicatePercent, long seed) {
    if (duplicatePercent < 0 || duplicatePercent > MAX_DUPLICATE_PERCENT) {
      throw new IllegalArgumentException("duplicate share must be within 0..90 %, was " + duplicatePercent);
    }
    Random random = new Random(seed);
    List<Item> items = new ArrayList<>(count);
    List<Item> originals = new ArrayList<>();
    Kind[] duplicateKinds = {Kind.REPOST_SAME_URL, Kind.SAME_TEXT_OTHER_URL, Kind.LIGHT_EDIT_OTHER_URL};
    long sequence = 0;
    int nextOriginal = 0;
    for (int i = 0; i < count; i++) {
      boolean duplicate = !originals.isEmpty() && random.nextInt(100) < duplicatePercent;
      if (duplicate) {
        Item original = originals.get(random.nextInt(originals.size()));
        Kind kind = duplicateKinds[random.nextInt(duplicateKinds.length)];
        long url = kind == Kind.REPOST_SAME_URL ? original.urlSequence() : sequence++;
        items.add(new Item(original.article(), kind, url));
      } else {
        Item original = new Item(original(corpus, nextOriginal++), Kind.ORIGINAL, sequence++);
        originals.add(original);
        items.add(original);
      }
    }
    return items;
  }

  /**
   * The {@code i}-th original: the corpus in order, then, once it is used up, new texts: the first
   * half of one corpus article's body joined to the second half of another's, a different pair on
   * every pass, so that a long run's originals are distinct articles (half of a text is no near
   * copy of it) instead of repeats that the processor drops as the same content.
   */
  static CorpusArticle original(List<CorpusArticle> corpus, int i) {
    int n = corpus.size();
    CorpusArticle first = corpus.get(i % n);
    int pass = i / n;
    if (pass == 0) {
      return first;
    }
    int other = (int) ((i % n + (long) pass * 7919) % n);
    CorpusArticle second = corpus.get(other == i % n ? (other + 1) % n : other);
    String body = half(first.body(), true) + " " + half(second.body(), false);
    return new CorpusArticle(first.id() + "+" + second.id(), first.url(), first.title(), body, first.publishedAt(), first.author(),
        first.source());
  }

  /** The first or second half of {@code text}, cut at the space nearest its middle. */
  private static String half(String text, boolean first) {
    String trimmed = text.strip();
    int cut = trimmed.indexOf(' ', trimmed.length() / 2);
    if (cut < 0) {
      return first ? trimmed : "";
    }
    return first ? trimmed.substring(0, cut) : trimmed.substring(cut + 1);
  }

  /** The body of {@code item}: the corpus text, with its last word replaced for a light edit. */
  static String body(Item item) {
    String body = item.article().body();
    if (item.kind() != Kind.LIGHT_EDIT_OTHER_URL) {
      return body;
    }
    String trimmed = body.stripTrailing();
    int lastSpace = trimmed.lastIndexOf(' ');
    return lastSpace > 0 ? trimmed.substring(0, lastSpace) + " amended." : trimmed + " (amended)";
  }
}
