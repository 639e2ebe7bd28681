package io.newsstream.processor.dedup;

import java.util.Arrays;

/**
 * A text's words in {@value #SIZE} bytes, to tell a light edit of an article from a real change
 * when only the earlier version's profile is kept: the count of its words per hash bucket ({@value
 * #BUCKETS} buckets), modulo 256, and the sum of the 64-bit hashes of its numbers. A word is a run of
 * letters and digits, compared in lower case; one with a digit in it is a number.
 *
 * <p>Two profiles give how many words the later text changed, added or removed: the larger of
 * the words it has more of and the words it has fewer of, bucket by bucket (one word replaced by
 * another is one, a sentence of twelve words added is twelve). That is the exact count unless an
 * added and a removed word share a bucket, which hides both, or one bucket gains or loses more
 * than 127 words; so a change reads a little smaller at most, unless it rewrites thousands of words.
 * Whether the numbers changed (one replaced, added or removed) is told by their hash sums.
 * Immutable.
 */
public final class WordProfile {

  /** Buckets of word counts. */
  static final int BUCKETS = 120;

  /** Bytes of a profile: the bucket counts, then the numbers' hash sum. */
  public static final int SIZE = BUCKETS + Long.BYTES;

  private static final long FNV_OFFSET = 0xCBF29CE484222325L;
  private static final long FNV_PRIME = 0x100000001B3L;

  private final byte[] counts;
  private final long numbers;

  private WordProfile(byte[] counts, long numbers) {
    this.counts = counts;
    this.numbers = numbers;
  }

  /** The profile of a text's words. */
  public static WordProfile of(String text) {
    return of("", text);
  }

  /** The profile of an article's words: its title's and its body's. */
  public static WordProfile of(String title, String body) {
    byte[] counts = new byte[BUCKETS];
    long numbers = add(counts, title) + add(counts, body);
    return new WordProfile(counts, numbers);
  }

  /** Counts the text's words into {@code counts}; returns the sum of its numbers' hashes. */
  private static long add(byte[] counts, String text) {
    long numbers = 0;
    long hash = FNV_OFFSET;
    boolean inWord = false;
    boolean digit = false;
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        hash = (hash ^ Character.toLowerCase(c)) * FNV_PRIME;
        digit |= Character.isDigit(c);
        inWord = true;
      } else if (inWord) {
        long mixed = hash * 0x9E3779B97F4A7C15L;
        counts[(int) ((mixed >>> 8) % BUCKETS)]++;
        if (digit) {
          numbers += mixed ^ (mixed >>> 29);
        }
        hash = FNV_OFFSET;
        inWord = false;
        digit = false;
      }
    }
    return numbers;
  }

  /** A profile read back from its {@link #bytes()}. */
  public static WordProfile fromBytes(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("a word profile has " + SIZE + " bytes, not " + bytes.length);
    }
    long numbers = 0;
    for (int i = BUCKETS; i < SIZE; i++) {
      numbers = numbers << 8 | (bytes[i] & 0xFF);
    }
    return new WordProfile(Arrays.copyOf(bytes, BUCKETS), numbers);
  }

  /** The profile's bytes. */
  public byte[] bytes() {
    byte[] bytes = Arrays.copyOf(counts, SIZE);
    for (int i = SIZE - 1, shift = 0; i >= BUCKETS; i--, shift += 8) {
      bytes[i] = (byte) (numbers >>> shift);
    }
    return bytes;
  }

  /** Words {@code later} changed, added or removed against this profile's text. */
  public int wordsChanged(WordProfile later) {
    int added = 0;
    int removed = 0;
    for (int i = 0; i < BUCKETS; i++) {
      // Counts wrap at 256; a difference of one bucket is read as -128 to 127.
      int d = (byte) (later.counts[i] - counts[i]);
      if (d > 0) {
        added += d;
      } else {
        removed -= d;
      }
    }
    return Math.max(added, removed);
  }

  /** Whether {@code later} has the same numbers as this profile's text, in any order. */
  public boolean sameNumbers(WordProfile later) {
    return numbers == later.numbers;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WordProfile other && numbers == other.numbers && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(counts) + Long.hashCode(numbers);
  }

  @Override
  public String toString() {
    return "WordProfile" + Arrays.toString(counts) + "/" + Long.toHexString(numbers);
  }
}
