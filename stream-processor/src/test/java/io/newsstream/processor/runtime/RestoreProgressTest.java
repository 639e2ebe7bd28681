package io.newsstream.processor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RestoreProgressTest {

  private static final TopicPartition URL_0 = new TopicPartition("app-dedup-url-store-changelog", 0);
  private static final TopicPartition TEXT_1 = new TopicPartition("app-dedup-text-key-store-changelog", 1);

  private final AtomicLong nanos = new AtomicLong();
  private final List<String> lines = new ArrayList<>();
  private final RestoreProgress progress = new RestoreProgress(nanos::get, Duration.ofSeconds(10), lines::add);

  @Test
  void shouldSayWhatEachStoreRestoresAndSummariseEveryInterval() {
    // given: two store partitions start restoring
    progress.onRestoreStart(URL_0, "dedup-url-store", 100, 10_100);
    progress.onRestoreStart(TEXT_1, "dedup-text-key-store", 0, 50_000);

    // when: batches within the interval, then one past it
    progress.onBatchRestored(URL_0, "dedup-url-store", 4_100, 4_000);
    nanos.addAndGet(Duration.ofSeconds(4).toNanos());
    progress.onBatchRestored(TEXT_1, "dedup-text-key-store", 16_000, 16_000);
    int beforeSummary = lines.size();
    nanos.addAndGet(Duration.ofSeconds(6).toNanos());
    progress.onBatchRestored(URL_0, "dedup-url-store", 10_100, 6_000);

    // then: a line when restoring starts, and one summary of both, with what is left and the rate
    assertThat(lines.subList(0, beforeSummary))
        .containsExactly(
            "Restoring state from the changelogs, starting with dedup-url-store from app-dedup-url-store-changelog-0 (about 10,000"
                + " records); a summary every 10 s and a line as each store partition ends");
    assertThat(lines.subList(beforeSummary, lines.size()))
        .containsExactly("Restoring state: 2 store partitions, 26,000 records read, about 34,000 left, 2,600 records/s");
    assertThat(progress.remaining()).isEqualTo(new RestoreProgress.Remaining(2, 34_000));
  }

  @Test
  void shouldSayWhenEachEndsAndWhenNothingIsLeft() {
    // given
    progress.onRestoreStart(URL_0, "dedup-url-store", 0, 10_000);
    progress.onRestoreStart(TEXT_1, "dedup-text-key-store", 0, 20_000);
    nanos.addAndGet(Duration.ofMillis(2_500).toNanos());

    // when
    progress.onRestoreEnd(URL_0, "dedup-url-store", 10_000);
    progress.onRestoreSuspended(TEXT_1, "dedup-text-key-store", 7_000);

    // then
    assertThat(lines)
        .endsWith(
            "Restored dedup-url-store from app-dedup-url-store-changelog-0: 10,000 records in 2.5 s",
            "Restoring dedup-text-key-store from app-dedup-text-key-store-changelog-1 stopped after 7,000 records: its task moved to another thread or instance");
    assertThat(progress.remaining()).isEqualTo(RestoreProgress.Remaining.NONE);
  }

  @Test
  void shouldSayNothingIsLeftWhenTheLastEnds() {
    // given
    progress.onRestoreStart(URL_0, "dedup-url-store", 0, 3);

    // when
    progress.onRestoreEnd(URL_0, "dedup-url-store", 3);

    // then
    assertThat(lines.get(lines.size() - 1)).endsWith("3 records in 0.0 s; no store is restoring now");
  }
}
