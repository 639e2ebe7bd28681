package io.newsstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.benchmarks.NativeMemory.StoreMetric;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {

  private static final List<StoreMetric> METRICS = List.of(
      new StoreMetric("size-all-mem-tables", 10),
      new StoreMetric("size-all-mem-tables", 20),
      new StoreMetric("block-cache-usage", 100),
      new StoreMetric("block-cache-usage", 300),
      new StoreMetric("estimate-table-readers-mem", 5),
      new StoreMetric("estimate-table-readers-mem", Double.NaN),
      new StoreMetric("put-rate", 1000));

  @Test
  void shouldAddUpEachStoresOwnCacheAndMemtables() {
    // when
    NativeMemory memory = NativeMemory.aggregate(METRICS, false, 4096);

    // then
    assertThat(memory.memtableBytes()).isEqualTo(30);
    assertThat(memory.blockCacheBytes()).isEqualTo(400);
    assertThat(memory.tableReaderBytes()).isEqualTo(5);
    assertThat(memory.rocksDbBytes()).isEqualTo(435);
    assertThat(memory.rssBytes()).isEqualTo(4096);
  }

  @Test
  void shouldCountASharedCacheOnceWithTheMemtablesChargedToIt() {
    // when
    NativeMemory memory = NativeMemory.aggregate(METRICS, true, 4096);

    // then: every store reports the one cache; the memtables are inside it
    assertThat(memory.blockCacheBytes()).isEqualTo(300);
    assertThat(memory.rocksDbBytes()).isEqualTo(305);
    assertThat(memory.describe()).contains("shared").contains("charged to the cache");
  }

  @Test
  void shouldReadTheResidentSetOfAProcStatusFile() {
    // given
    List<String> status = List.of("Name:\tjava", "VmPeak:\t 9000 kB", "VmRSS:\t  123456 kB", "RssAnon:\t 100000 kB");

    // when / then
    assertThat(NativeMemory.rssOf(status)).isEqualTo(123456L * 1024);
    assertThat(NativeMemory.rssOf(List.of("Name:\tjava"))).isEqualTo(-1);
  }
}
