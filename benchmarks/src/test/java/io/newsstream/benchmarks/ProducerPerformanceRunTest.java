package io.newsstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProducerPerformanceRunTest {

  @Test
  void shouldParseTheSteadyStateSummaryAfterTheOverallOne() {
    // given the end of ProducerPerformance's output with warm-up records (Kafka 4.3)
    String output = String.join("\n",
        "[main] INFO org.apache.kafka.common.utils.AppInfoParser - App info kafka.producer unregistered",
        "2500 records sent, 524.438850 records/sec (0.46 MB/sec), 764.08 ms avg latency, 2814.00 ms max latency,"
            + " 696 ms 50th, 1171 ms 95th, 1272 ms 99th, 1299 ms 99.9th.",
        "2000 steady state records sent, 1052.631579 records/sec (0.93 MB/sec), 814.94 ms avg latency,"
            + " 1299.00 ms max latency, 768 ms 50th, 1177 ms 95th, 1272 ms 99th, 1299 ms 99.9th.");

    // when
    var summary = ProducerPerformanceRun.parseLast(output);

    // then
    assertThat(summary).hasValueSatisfying(s -> {
      assertThat(s.records()).isEqualTo(2000);
      assertThat(s.recordsPerSecond()).isEqualTo(1052.631579);
      assertThat(s.megabytesPerSecond()).isEqualTo(0.93);
      assertThat(s.p50Millis()).isEqualTo(768);
      assertThat(s.p99Millis()).isEqualTo(1272);
    });
  }

  @Test
  void shouldParseTheSummaryWithoutWarmUp() {
    // given
    String output = "20000 records sent, 41493.775934 records/sec (51.92 MB/sec), 178.47 ms avg latency,"
        + " 416.00 ms max latency, 170 ms 50th, 380 ms 95th, 405 ms 99th, 414 ms 99.9th.";

    // when
    var summary = ProducerPerformanceRun.parseLast(output);

    // then
    assertThat(summary).hasValueSatisfying(s -> assertThat(s.recordsPerSecond()).isEqualTo(41493.775934));
  }

  @Test
  void shouldFindNoSummaryInProgressLinesOnly() {
    // given a periodic progress line: no percentiles
    String output = "8262 records sent, 1651.4 records/sec (1.45 MB/sec), 603.1 ms avg latency, 1213.0 ms max latency.";

    // when / then
    assertThat(ProducerPerformanceRun.parseLast(output)).isEmpty();
  }
}
