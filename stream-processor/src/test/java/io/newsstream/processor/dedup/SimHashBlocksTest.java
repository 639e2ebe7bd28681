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
}
