package io.newsstream.processor.enrich;

import java.util.Map;

/**
 * A read-only map from strings to values that is looked up by the first characters of a longer
 * string ({@code get(word, 5)} is {@code map.get(word.substring(0, 5))}) without building that
 * substring: the topic classifier tries every prefix length of every word of an article, and the
 * copies and their hash codes were most of its cost. Open addressing over the keys' hash codes.
 * Thread-safe once built.
 *
 * @param <V> value type
 */
final class PrefixLookup<V> {

  private final String[] keys;
  private final int[] hashes;
  private final Object[] values;
  private final int mask;

  PrefixLookup(Map<String, V> entries) {
    int capacity = Integer.highestOneBit(Math.max(2, entries.size() * 2 - 1)) << 1;
    this.keys = new String[capacity];
    this.hashes = new int[capacity];
    this.values = new Object[capacity];
    this.mask = capacity - 1;
    for (Map.Entry<String, V> e : entries.entrySet()) {
      String key = e.getKey();
      int hash = spread(hash(key, key.length()));
      int slot = hash & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      hashes[slot] = hash;
      values[slot] = e.getValue();
    }
  }

  /** The value of the key equal to the first {@code length} characters of the text, or null. */
  V get(String text, int length) {
    return get(text, length, hash(text, length));
  }

  /**
   * As {@link #get(String, int)}, with the {@link #hash} of those characters already computed:
   * trying every prefix length of a word extends one hash instead of starting over.
   */
  @SuppressWarnings("unchecked")
  V get(String text, int length, int prefixHash) {
    int hash = spread(prefixHash);
    for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      String key = keys[slot];
      if (hashes[slot] == hash && key.length() == length && text.startsWith(key)) {
        return (V) values[slot];
      }
    }
    return null;
  }

  /** Hash of the first {@code length} characters of the text. */
  static int hash(String text, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = extend(h, text.charAt(i));
    }
    return h;
  }

  /** Hash of a prefix one character longer than the one that hashed to {@code prefixHash}. */
  static int extend(int prefixHash, char next) {
    return 31 * prefixHash + next;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
