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
}
