package io.newsstream.processor.enrich;

import java.util.List;

/**
 * 64-bit SimHash (Charikar) of a text over its word 3-shingles: near-identical texts get hashes
 * that differ in few bits, so the Hamming distance estimates how much two texts differ.
 *
 * <p>Words are those of {@link WordTokenizer#normalizedWords}: lower-cased, punctuation
 * removed, so typography and whitespace do not matter. Each word is hashed with 64-bit FNV-1a;
 * every shingle (three consecutive words; the whole text when it has fewer) combines its word
 * hashes in order through the SplitMix64 finaliser, for well-spread bits, and each occurrence
 * votes +1/-1 on every bit. A text without words hashes to 0. Thread-safe.
 */
public final class SimHasher {

  /** Words per shingle. */
  public static final int SHINGLE_SIZE = 3;

  /** SimHash of the text. */
  public long simhash(String text) {
    return simhash(WordTokenizer.normalizedWords(text));
  }

  /** SimHash of already {@link WordTokenizer#normalizedWords normalised} words. */
  public long simhash(List<String> normalizedWords) {
    long[] shingles = shingleHashes(normalizedWords);
    if (shingles.length == 0) {
      return 0L;
    }
    // A bit's vote is +1 from each shingle that has it and -1 from each that has not: positive
    // when more than half of the shingles have it. Counting only the bits that are set halves
    // the work.
    int[] ones = new int[64];
    for (long bits : shingles) {
      for (long rest = bits; rest != 0; rest &= rest - 1) {
        ones[Long.numberOfTrailingZeros(rest)]++;
      }
    }
    long result = 0L;
    for (int bit = 0; bit < 64; bit++) {
      if (2 * ones[bit] > shingles.length) {
        result |= 1L << bit;
      }
    }
    return result;
  }

  /**
   * The 64-bit hash of every shingle occurrence, in text order: three consecutive words, or the
   * whole text when it has fewer; empty for a text without words. The SimHash votes with these,
   * and the near-duplicate containment sketch keeps the smallest of them.
   */
  public static long[] shingleHashes(List<String> normalizedWords) {
    long[] wordHashes = new long[normalizedWords.size()];
    int n = 0;
    for (String word : normalizedWords) {
      if (!word.isEmpty()) {
        wordHashes[n++] = wordHash(word);
      }
    }
    if (n == 0) {
      return new long[0];
    }
    long[] shingles = new long[Math.max(1, n - SHINGLE_SIZE + 1)];
    for (int s = 0; s < shingles.length; s++) {
      long h = 0x9E3779B97F4A7C15L;
      int end = Math.min(n, s + SHINGLE_SIZE);
      for (int w = s; w < end; w++) {
        h = mix(h ^ wordHashes[w]) + w - s; // order-sensitive combination
      }
      shingles[s] = mix(h);
    }
    return shingles;
  }

  /** 64-bit FNV-1a over the word's UTF-16 code units. */
  private static long wordHash(String word) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < word.length(); i++) {
      h = (h ^ word.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  /** Number of differing bits between two SimHashes (0 to 64). */
  public static int hammingDistance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
