package io.newsstream.processor.dedup;

import io.newsstream.processor.enrich.SimHasher;
import io.newsstream.processor.enrich.WordTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bottom-k sketch of a text's word 3-shingles, for the second near-duplicate rule: one text
 * (nearly) contained in another. A copy with its last paragraph trimmed, or with an outlet's
 * credit lines appended, keeps almost every shingle of the shorter text, yet moves a 64-bit
 * SimHash of a short news body by 8 to 17 bits; containment stays near 1.
 *
 * <p>The sketch keeps the {@value #SIZE} smallest distinct 32-bit shingle hashes (the high half
 * of {@link SimHasher#shingleHashes}), the number of distinct shingles, and the hashes of the
 * text's numbers (words starting with a digit, as written: {@code 1.5}, {@code 1,400}; at most
 * {@value #MAX_NUMBERS}, again the smallest).
 *
 * <p><b>Containment</b> of a text S in a text L is estimated from S's sketch values that are at
 * most L's largest kept value: for those, membership in L is known exactly from L's sketch. The
 * estimate is the share of them found in L: exactly 1 for a true subset, near 0 for unrelated
 * texts. Fewer than {@value #MIN_SAMPLE} comparable values, or an S of fewer than {@value
 * #MIN_SHINGLES} shingles, give no estimate (0).
 *
 * <p>{@link #copyOf} is the rule the near-duplicate step applies. <b>Figures guard</b>: every
 * number of the contained text must occur in the other. A trimmed or extended copy keeps
 * its figures; a recurring report (weekly reserves, repurchase operations, a company's
 * dividend) repeats its wording with new figures and is not a copy.
 *
 * <p><b>Candidate keys</b>: pairs of the {@value #KEY_VALUES} smallest values ({@value
 * #KEY_VALUES} choose 2 keys, {@code "c:<hex>-<hex>"}). If S is contained in L, the smallest
 * values of L that occur in S are also the smallest of S, so the two texts share a key whenever
 * at least two of L's {@value #KEY_VALUES} smallest shingles occur in S: probability 0.99 for a
 * copy holding 80 % of L's shingles, 0.91 at 60 %. Pairs rather than single values keep a
 * common phrase from gathering every article that contains it under one key.
 *
 * @param shingles number of distinct shingle hashes of the text
 * @param bottom the smallest distinct shingle hashes, ascending (unsigned), at most {@link #SIZE}
 * @param numbers the smallest distinct number hashes, ascending (unsigned), at most {@link
 *     #MAX_NUMBERS}
 */
public record ContainmentSketch(int shingles, int[] bottom, int[] numbers) {

  public static final int SIZE = 32;
  public static final int MAX_NUMBERS = 24;
  public static final int KEY_VALUES = 5;
  public static final int MIN_SAMPLE = 6;
  /** Largest growth, in shingles, of a later text that still counts as a copy of one it contains. */
  public static final double MAX_GROWTH = 1.5;
  /** Texts with fewer distinct shingles (about a dozen words) are left to the SimHash rule. */
  public static final int MIN_SHINGLES = 10;

  public static final ContainmentSketch EMPTY = new ContainmentSketch(0, new int[0], new int[0]);

  public ContainmentSketch {
    if (bottom.length > SIZE || numbers.length > MAX_NUMBERS) {
      throw new IllegalArgumentException("sketch larger than " + SIZE + " values or " + MAX_NUMBERS + " numbers");
    }
  }

  /**
   * Sketch of a text (the article's cleaned body): shingles of its {@link
   * WordTokenizer#normalizedWords normalised} words, numbers as {@link WordTokenizer#words
   * written} ({@code 1.4} and {@code 14} are different figures, though both normalise to {@code
   * 14}).
   */
  public static ContainmentSketch of(String text) {
    // One pass over the text for both: the words to shingle and the figures as written.
    List<String> numberWords = new ArrayList<>();
    List<String> normalizedWords = WordTokenizer.normalizedWords(text, numberWords);
    long[] shingleHashes = SimHasher.shingleHashes(normalizedWords);
    int[] hashes = new int[shingleHashes.length];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = (int) (shingleHashes[i] >>> 32);
    }
    int[] distinct = sortedDistinct(hashes);
    int[] numberHashes = new int[numberWords.size()];
    for (int i = 0; i < numberHashes.length; i++) {
      numberHashes[i] = (int) (SimHasher.shingleHashes(List.of(numberWords.get(i)))[0] >>> 32);
    }
    int[] numbers = sortedDistinct(numberHashes);
    return new ContainmentSketch(
        distinct.length,
        Arrays.copyOf(distinct, Math.min(SIZE, distinct.length)),
        Arrays.copyOf(numbers, Math.min(MAX_NUMBERS, numbers.length)));
  }

  /** The same sketch without its shingle values: enough for the figures guard. */
  public ContainmentSketch figuresOnly() {
    return new ContainmentSketch(shingles, new int[0], numbers);
  }

  /** Repartition keys of this sketch; none for a text of fewer than two shingles. */
  public List<String> keys() {
    int n = Math.min(KEY_VALUES, bottom.length);
    List<String> keys = new ArrayList<>(n * (n - 1) / 2);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        keys.add("c:" + Integer.toHexString(bottom[i]) + "-" + Integer.toHexString(bottom[j]));
      }
    }
    return keys;
  }

  /** True when the key is a containment key rather than a SimHash block. */
  public static boolean isKey(String key) {
    return key.startsWith("c:");
  }

  /**
   * Estimated share of this text's shingles found in the other, 0 to 1; 0 when this text is
   * too short or too few values are comparable.
   */
  public double containedIn(ContainmentSketch other) {
    if (shingles < MIN_SHINGLES || bottom.length == 0 || other.bottom.length == 0) {
      return 0.0;
    }
    // The other text's values above its largest kept one are unknown, unless it kept them all.
    boolean complete = other.bottom.length == other.shingles;
    int limit = other.bottom[other.bottom.length - 1];
    int comparable = 0;
    int found = 0;
    for (int value : bottom) {
      if (!complete && Integer.compareUnsigned(value, limit) > 0) {
        break;
      }
      comparable++;
      if (unsignedContains(other.bottom, value)) {
        found++;
      }
    }
    return comparable < MIN_SAMPLE ? 0.0 : (double) found / comparable;
  }

  /** True when every number of this text occurs in the other. */
  public boolean figuresIn(ContainmentSketch other) {
    boolean complete = other.numbers.length < MAX_NUMBERS;
    int limit = other.numbers.length == 0 ? 0 : other.numbers[other.numbers.length - 1];
    for (int value : numbers) {
      if (!complete && Integer.compareUnsigned(value, limit) > 0) {
        break;
      }
      if (!unsignedContains(other.numbers, value)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The rule of a near-duplicate by containment, for this (later) text against an earlier one:
   * this text adds nothing, that is at least {@code threshold} of it is found in the earlier
   * text and so are all its figures (a trimmed copy, a brief of the story); or it is the earlier
   * text with a little added: at least {@code threshold} of the earlier text and all its figures
   * are found in this one, and this one has at most {@value #MAX_GROWTH} times its shingles (a
   * copy with a credit line or a sentence added). A later, much longer text that contains an
   * earlier brief is a fuller story, not a copy.
   */
  public boolean copyOf(ContainmentSketch earlier, double threshold) {
    if (containedIn(earlier) >= threshold && figuresIn(earlier)) {
      return true;
    }
    return shingles <= MAX_GROWTH * earlier.shingles
        && earlier.containedIn(this) >= threshold
        && earlier.figuresIn(this);
  }

  /** True when every number of the smaller text (by shingles) occurs in the larger one. */
  public boolean figuresContained(ContainmentSketch other) {
    return shingles <= other.shingles ? figuresIn(other) : other.figuresIn(this);
  }

  private static boolean unsignedContains(int[] ascendingUnsigned, int value) {
    int lo = 0;
    int hi = ascendingUnsigned.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Integer.compareUnsigned(ascendingUnsigned[mid], value);
      if (c == 0) {
        return true;
      }
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return false;
  }

  private static int[] sortedDistinct(int[] values) {
    // Unsigned order: flip the sign bit, sort signed, flip back.
    int[] v = new int[values.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = values[i] ^ Integer.MIN_VALUE;
    }
    Arrays.sort(v);
    int n = 0;
    for (int i = 0; i < v.length; i++) {
      if (n == 0 || v[i] != v[n - 1]) {
        v[n++] = v[i];
      }
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = v[i] ^ Integer.MIN_VALUE;
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContainmentSketch s
        && shingles == s.shingles
        && Arrays.equals(bottom, s.bottom)
        && Arrays.equals(numbers, s.numbers);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * shingles + Arrays.hashCode(bottom)) + Arrays.hashCode(numbers);
  }

  @Override
  public String toString() {
    return "ContainmentSketch[shingles=" + shingles + ", bottom=" + bottom.length + ", numbers=" + numbers.length + "]";
  }
}
