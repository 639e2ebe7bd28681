package io.newsstream.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

class SimHashBlocksTest {

  @Property
  void shouldShareABlockKeyWhenWithinTheDistance(
      @ForAll long simhash,
      @ForAll @IntRange(min = 0, max = 7) int maxDistance,
      @ForAll @Size(max = 7) @UniqueElements List<@IntRange(min = 0, max = 63) Integer> bits) {
    // given: a hash with at most maxDistance bits flipped
    List<Integer> flips = bits.subList(0, Math.min(bits.size(), maxDistance));
    long other = simhash;
    for (int bit : flips) {
      other ^= 1L << bit;
    }
    int blocks = SimHashBlocks.blockCount(maxDistance);

    // when
    Set<String> keys = new HashSet<>();
    List<String> otherKeys = new ArrayList<>();
    for (int i = 0; i < blocks; i++) {
      keys.add(SimHashBlocks.blockKey(simhash, i, blocks));
      otherKeys.add(SimHashBlocks.blockKey(other, i, blocks));
    }

    // then
    assertThat(SimHashBlocks.distance(simhash, other)).isEqualTo(flips.size());
    assertThat(otherKeys).anyMatch(keys::contains);
  }

  @Property
  void shouldCoverEveryBitExactlyOnce(@ForAll long simhash, @ForAll @IntRange(min = 1, max = 8) int blocks) {
    // when: the blocks are put back together
    long rebuilt = 0;
    for (int i = 0; i < blocks; i++) {
      rebuilt |= SimHashBlocks.blockValue(simhash, i, blocks) << (i * 64 / blocks);
    }

    // then
    assertThat(rebuilt).isEqualTo(simhash);
  }

  @Property
  void shouldNotShareBlockKeysAcrossBlockIndexes(@ForAll long simhash) {
    // given the default four blocks
    // when / then: equal block values at different positions do not collide
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      keys.add(SimHashBlocks.blockKey(simhash, i, 4));
    }
    assertThat(keys).hasSize(4);
  }

  @Property
  void shouldShareANeighbourhoodHashUnderAnyBlockKeyWhenWithinTheDistance(
      @ForAll long simhash,
      @ForAll @IntRange(min = 0, max = 7) int maxDistance,
      @ForAll @Size(max = 7) @UniqueElements List<@IntRange(min = 0, max = 63) Integer> bits,
      @ForAll @IntRange(min = 0, max = 7) int index,
      @ForAll long keyValue) {
    // given: a hash with at most maxDistance bits flipped anywhere, and any key of a block index
    // in range, as a store written with other settings could hold a hash under
    List<Integer> flips = bits.subList(0, Math.min(bits.size(), maxDistance));
    long other = simhash;
    for (int bit : flips) {
      other ^= 1L << bit;
    }
    int blocks = SimHashBlocks.blockCount(maxDistance);
    String key = (index % blocks) + ":" + Long.toHexString(keyValue);

    // when
    long[] mine = SimHashBlocks.neighbourhood(key, simhash, maxDistance);
    long[] theirs = SimHashBlocks.neighbourhood(key, other, maxDistance);

    // then
    assertThat(mine).hasSize(blocks);
    Set<Long> shared = new HashSet<>();
    for (long h : mine) {
      shared.add(h);
    }
    assertThat(java.util.Arrays.stream(theirs).boxed().toList()).as("distance %d of %d", flips.size(), maxDistance).anyMatch(shared::contains);
  }

  @Test
  void shouldRarelyShareANeighbourhoodHashWithAnUnrelatedHashUnderTheSameBlock() {
    // given: pairs of random hashes with the same first block (the default distance 3: 16-bit
    // blocks, the other 48 bits in four parts of 12)
    java.util.Random random = new java.util.Random(11);
    int shared = 0;
    int pairs = 20_000;
    for (int i = 0; i < pairs; i++) {
      long a = random.nextLong();
      long b = (random.nextLong() & ~0xffffL) | (a & 0xffffL);
      String key = SimHashBlocks.blockKey(a, 0, 4);
      assertThat(SimHashBlocks.blockKey(b, 0, 4)).isEqualTo(key);

      // when
      Set<Long> mine = new HashSet<>();
      for (long h : SimHashBlocks.neighbourhood(key, a, 3)) {
        mine.add(h);
      }
      for (long h : SimHashBlocks.neighbourhood(key, b, 3)) {
        if (mine.contains(h)) {
          shared++;
          break;
        }
      }
    }

    // then: about 4 / 4096 of them
    assertThat((double) shared / pairs).isBetween(0.0002, 0.003);
  }

  @Test
  void shouldTellBlockKeysFromTheOtherTextKeys() {
    assertThat(SimHashBlocks.blockIndex("2:ab0f")).isEqualTo(2);
    assertThat(SimHashBlocks.blockIndex("11:0")).isEqualTo(11);
    assertThat(SimHashBlocks.blockIndex("c:1a-2b")).isEqualTo(-1);
    assertThat(SimHashBlocks.blockIndex("h:00ff")).isEqualTo(-1);
    assertThat(SimHashBlocks.blockIndex("e:6f1c-4e")).isEqualTo(-1);
    assertThat(SimHashBlocks.neighbourhood("c:1a-2b", 42L, 3)).isNull();
    assertThat(SimHashBlocks.neighbourhood("4:ab", 42L, 3)).as("a block index beyond four blocks").isNull();
  }
}
