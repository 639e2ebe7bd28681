package io.newsstream.processor.enrich;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * 64-bit SimHash (Charikar) of a text over its word 3-shingles: near-identical texts get hashes
 * that differ in few bits, so the Hamming distance estimates how much two texts differ.
 *
 * <p>Words are those of {@link WordTokenizer#normalizedWords}: lower-cased, punctuation
 * removed, so typography and whitespace do not matter. Every shingle (three consecutive words;
 * the whole text when it has fewer) is hashed with 64-bit FNV-1a followed by the SplitMix64
 * finaliser for well-spread bits, and each occurrence votes +1/-1 on every bit. A text without
 * words hashes to 0. Thread-safe.
 */
public final class SimHasher {

  /** Words per shingle. */
  public static final int SHINGLE_SIZE = 3;

  /** SimHash of the text. */
  public long simhash(String text) {
    List<String> words = WordTokenizer.normalizedWords(text);
    words.removeIf(String::isEmpty);
    if (words.isEmpty()) {
      return 0L;
    }
    int[] votes = new int[64];
    int shingles = Math.max(1, words.size() - SHINGLE_SIZE + 1);
    for (int s = 0; s < shingles; s++) {
      long h = 0xcbf29ce484222325L;
      int end = Math.min(words.size(), s + SHINGLE_SIZE);
      for (int w = s; w < end; w++) {
        if (w > s) {
          h = fnv(h, (byte) ' ');
        }
        for (byte b : words.get(w).getBytes(StandardCharsets.UTF_8)) {
          h = fnv(h, b);
        }
      }
      long bits = mix(h);
      for (int bit = 0; bit < 64; bit++) {
        votes[bit] += ((bits >>> bit) & 1L) != 0 ? 1 : -1;
      }
    }
    long result = 0L;
    for (int bit = 0; bit < 64; bit++) {
      if (votes[bit] > 0) {
        result |= 1L << bit;
      }
    }
    return result;
  }

  /** Number of differing bits between two SimHashes (0 to 64). */
  public static int hammingDistance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  private static long fnv(long h, byte b) {
    return (h ^ (b & 0xff)) * 0x100000001b3L;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
