package io.newsstream.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input of the processor benchmark: mostly distinct articles, plus a share of duplicates of
 * earlier ones so that dedup does real work: re-posts under the same URL (same URL, same content),
 * the same text under another URL (same content) and light edits under another URL (near
 * duplicate). Deterministic for a given seed; a duplicate always comes after its original.
 */
final class InputMix {

  /** The largest share of duplicates, in percent: the rest must leave originals to copy. */
  static final int MAX_DUPLICATE_PERCENT = 90;

  /**
   * Heap the input takes per article, rounded up: the harness holds every item (its corpus
   * article's strings, or a copy with its words swapped) for the whole run. Measured from the heap
   * after GC during the passthrough run: 161, 270 and 992 MB at 120,000, 240,000 and 1,000,000
   * articles, 0.95 KB per article.
   */
  static final long HEAP_BYTES_PER_ARTICLE = 1024;

  /**
   * Heap the topologies, their clients and the enricher's models need beside the input: a million
   * articles with {@code -Xmx1g} ran out of heap in the full topology's first seconds.
   */
  static final long HEAP_BYTES_BESIDES_INPUT = 512L << 20;

  /**
   * Why a run of {@code articles} would run out of a heap of {@code maxHeap} bytes, naming the
   * setting to change; null when it fits.
   */
  static String heapProblem(int articles, long maxHeap) {
    long needed = articles * HEAP_BYTES_PER_ARTICLE + HEAP_BYTES_BESIDES_INPUT;
    if (needed <= maxHeap) {
      return null;
    }
    long gigabytes = (needed + (1L << 30) - 1) >> 30;
    return String.format(Locale.ROOT,
        "--articles %d: the harness holds its input in memory and needs about %d MB of heap, more than this"
            + " JVM's %d MB; run it with BENCH_JVM_OPTS=-Xmx%dg", articles, needed >> 20, maxHeap >> 20, gigabytes);
  }

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
    WordSwap swap = count > corpus.size() ? new WordSwap(corpus, seed) : null;
    for (int i = 0; i < count; i++) {
      boolean duplicate = !originals.isEmpty() && random.nextInt(100) < duplicatePercent;
      if (duplicate) {
        Item original = originals.get(random.nextInt(originals.size()));
        Kind kind = duplicateKinds[random.nextInt(duplicateKinds.length)];
        long url = kind == Kind.REPOST_SAME_URL ? original.urlSequence() : sequence++;
        items.add(new Item(original.article(), kind, url));
      } else {
        Item original = new Item(original(corpus, swap, nextOriginal++), Kind.ORIGINAL, sequence++);
        originals.add(original);
        items.add(original);
      }
    }
    return items;
  }

  /**
   * The {@code i}-th original: the corpus in order, then, once it is used up, the corpus again with
   * every word of each title and body swapped for another word of the corpus of about the same
   * frequency ({@link WordSwap}), a different swap on every pass. A long run's originals are so
   * distinct articles of the corpus's length, word frequencies and numbers, sharing no more with each
   * other than unrelated news does. Texts reused whole would be dropped as the same content; texts
   * reused in part (half of one article joined to half of another) share keys with every other text
   * holding the same half, so the text-key lookups would find more candidates the longer the run,
   * which distinct news does not make them do.
   */
  static CorpusArticle original(List<CorpusArticle> corpus, WordSwap swap, int i) {
    int n = corpus.size();
    CorpusArticle article = corpus.get(i % n);
    int pass = i / n;
    if (pass == 0) {
      return article;
    }
    return new CorpusArticle(article.id() + "~" + pass, article.url(), swap.apply(article.title(), pass),
        swap.apply(article.body(), pass), article.publishedAt(), article.author(), article.source());
  }

  /**
   * Swaps words for words of about the same frequency: the corpus's words ranked by frequency are
   * cut into bands of {@value #BAND} and each pass permutes every band, so a common word stays a
   * common word (a function word another function word) and a rare one a rare one. Letters only:
   * numbers and punctuation stay; a capitalised or upper-case word gives a capitalised or
   * upper-case one.
   */
  static final class WordSwap {
    static final int BAND = 32;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private final List<String> byFrequency;
    private final Map<String, Integer> rank = new HashMap<>();
    private final long seed;
    private final Map<Integer, int[]> passes = new HashMap<>();

    WordSwap(List<CorpusArticle> corpus, long seed) {
      this.seed = seed;
      Map<String, Integer> counts = new HashMap<>();
      for (CorpusArticle article : corpus) {
        for (String text : new String[] {article.title(), article.body()}) {
          Matcher words = WORD.matcher(text == null ? "" : text);
          while (words.find()) {
            counts.merge(words.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
          }
        }
      }
      byFrequency = counts.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .map(Map.Entry::getKey)
          .toList();
      for (int r = 0; r < byFrequency.size(); r++) {
        rank.put(byFrequency.get(r), r);
      }
    }

    /** {@code text} with every word swapped as pass {@code pass} swaps it. */
    String apply(String text, int pass) {
      if (text == null) {
        return null;
      }
      int[] to = passes.computeIfAbsent(pass, this::permutation);
      Matcher words = WORD.matcher(text);
      StringBuilder out = new StringBuilder(text.length() + 16);
      while (words.find()) {
        String word = words.group();
        Integer r = rank.get(word.toLowerCase(Locale.ROOT));
        words.appendReplacement(out, Matcher.quoteReplacement(r == null ? word : sameCase(word, byFrequency.get(to[r]))));
      }
      words.appendTail(out);
      return out.toString();
    }

    private int[] permutation(int pass) {
      Random random = new Random(seed * 1_000_003L + pass);
      int[] to = new int[byFrequency.size()];
      for (int from = 0; from < to.length; from += BAND) {
        int size = Math.min(BAND, to.length - from);
        List<Integer> band = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
          band.add(from + k);
        }
        Collections.shuffle(band, random);
        for (int k = 0; k < size; k++) {
          to[from + k] = band.get(k);
        }
      }
      return to;
    }

    private static String sameCase(String like, String word) {
      if (like.length() > 1 && like.equals(like.toUpperCase(Locale.ROOT))) {
        return word.toUpperCase(Locale.ROOT);
      }
      if (Character.isUpperCase(like.charAt(0))) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
      }
      return word;
    }
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
