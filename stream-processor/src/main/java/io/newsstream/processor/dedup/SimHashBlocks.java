package io.newsstream.processor.dedup;

/**
 * Pigeonhole split of a 64-bit SimHash for near-duplicate search. Two hashes within Hamming
 * distance {@code k} differ in at most {@code k} bits, so when the 64 bits are cut into {@code
 * k + 1} blocks at least one block is identical in both. Keying a record by each of its blocks
 * ({@code "index:value"}) and repartitioning by that key makes every pair of near-duplicates meet
 * in at least one partition, where a full distance check confirms them.
 */
public final class SimHashBlocks {

  private SimHashBlocks() {}

  /** Number of blocks that guarantees a shared block for distance {@code maxDistance}. */
  public static int blockCount(int maxDistance) {
    return maxDistance + 1;
  }

  /** Value of block {@code index} of {@code blockCount}: bits [index*64/n, (index+1)*64/n). */
  public static long blockValue(long simhash, int index, int blockCount) {
    int start = index * 64 / blockCount;
    int end = (index + 1) * 64 / blockCount;
    int width = end - start;
    long mask = width == 64 ? -1L : (1L << width) - 1;
    return (simhash >>> start) & mask;
  }

  /** Repartition key of block {@code index}, for example {@code "2:ab0f"}. */
  public static String blockKey(long simhash, int index, int blockCount) {
    return index + ":" + Long.toHexString(blockValue(simhash, index, blockCount));
  }

  /** Number of differing bits. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /**
   * The index of a {@link #blockKey block key} ({@code "2:ab0f"} gives 2), or -1 when {@code key}
   * is not one (a content hash, eventId or containment key).
   */
  public static int blockIndex(String key) {
    int colon = key.indexOf(':');
    if (colon <= 0 || colon > 2) {
      return -1;
    }
    int index = 0;
    for (int i = 0; i < colon; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      index = index * 10 + (c - '0');
    }
    return index;
  }

  /**
   * What a hash indexed under the block key {@code key} is known by to the text-key step's key
   * filter, so that a lookup under the key can skip the store when nothing indexed there is
   * within {@code maxDistance} of the probe's hash: {@code maxDistance + 1} hashes, of the key and
   * each part of the hash's bits outside the key's block, which are cut into {@code maxDistance +
   * 1} parts. Two hashes within the distance differ in at most that many bits, so one part at
   * least is the same in both (the pigeonhole again, inside the block's complement), and they
   * share that part's value: the filter is asked for the probe's values, and an entry within the
   * distance always has one of them. Unrelated hashes rarely share one: with the default distance
   * 3, the 48 bits outside a 16-bit block make four 12-bit parts, so a probe compared with m
   * hashes under its key shares some part with about 4m / 4096 of them. Null when {@code key} is
   * not a block key of {@code maxDistance + 1} blocks.
   */
  public static long[] neighbourhood(String key, long simhash, int maxDistance) {
    int blockCount = blockCount(maxDistance);
    int index = blockIndex(key);
    if (index < 0 || index >= blockCount) {
      return null;
    }
    int start = index * 64 / blockCount;
    int end = (index + 1) * 64 / blockCount;
    // The bits outside the block, moved together: [0, start) stays, [end, 64) comes down to start.
    long low = start == 0 ? 0L : simhash & ((1L << start) - 1);
    long high = end == 64 ? 0L : (simhash >>> end) << start;
    long outside = low | high;
    int width = 64 - (end - start);
    long keyHash = KeyPresence.hash(key);
    long[] hashes = new long[blockCount];
    for (int part = 0; part < blockCount; part++) {
      int from = part * width / blockCount;
      int to = (part + 1) * width / blockCount;
      long value = to == from ? 0L : (outside >>> from) & (to - from == 64 ? -1L : (1L << (to - from)) - 1);
      hashes[part] = mix(keyHash ^ mix(value + 0x9E3779B97F4A7C15L * (part + 1)));
    }
    return hashes;
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
