package io.newsstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RocksDbWorkTest {

  @Test
  void shouldSumTheDebugStatisticsOverTheStores() {
    // given: two stores' statistics, with figures of other kinds and the negative open-files count
    List<NativeMemory.StoreMetric> metrics =
        List.of(
            new NativeMemory.StoreMetric("bytes-written-total", 3 * 1048576.0),
            new NativeMemory.StoreMetric("bytes-written-total", 1048576.0),
            new NativeMemory.StoreMetric("memtable-bytes-flushed-total", 2 * 1048576.0),
            new NativeMemory.StoreMetric("write-stall-duration-total", 1_500_000),
            new NativeMemory.StoreMetric("write-stall-duration-total", Double.NaN),
            new NativeMemory.StoreMetric("number-open-files", -2),
            new NativeMemory.StoreMetric("size-all-mem-tables", 7 * 1048576.0));

    // when
    RocksDbWork work = RocksDbWork.aggregate(metrics);

    // then
    assertThat(work).isEqualTo(new RocksDbWork(4 * 1048576.0, 2 * 1048576.0, 1_500_000));
    assertThat(work.describe()).isEqualTo("written 4 MB, memtables flushed 2 MB (0.50 per byte written), writes stalled 1.5 s");
  }

  @Test
  void shouldSaySoWhenNoMinuteHasBeenRecordedYet() {
    // given: a run shorter than Kafka Streams' one-minute recording of the statistics
    RocksDbWork work = RocksDbWork.aggregate(List.of(new NativeMemory.StoreMetric("bytes-written-total", 0)));

    // when / then
    assertThat(work.describe()).isEqualTo("none recorded yet (Kafka Streams records them once a minute)");
  }

  @Test
  void shouldSayNothingWhenTheStatisticsAreNotRecorded() {
    // given: what the stores report at the INFO recording level
    List<NativeMemory.StoreMetric> metrics =
        List.of(new NativeMemory.StoreMetric("size-all-mem-tables", 1048576.0), new NativeMemory.StoreMetric("block-cache-usage", 2048));

    // when / then
    assertThat(RocksDbWork.aggregate(metrics)).isNull();
  }
}
