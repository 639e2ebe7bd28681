package io.newsstream.benchmarks;

import io.newsstream.localstack.LocalStack;
import io.newsstream.localstack.process.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apache Kafka's own {@code org.apache.kafka.tools.ProducerPerformance} (kafka-tools), run in a JVM
 * of its own on the local stack's broker classpath: the raw producer baseline that ingest-service's
 * batch throughput is compared with. Its final summary line is parsed into a {@link Summary}.
 */
final class ProducerPerformanceRun {

  static final String MAIN_CLASS = "org.apache.kafka.tools.ProducerPerformance";

  /**
   * The summary line, e.g. {@code 20000 steady state records sent, 41493.775934 records/sec (51.92 MB/sec),
   * 178.47 ms avg latency, 416.00 ms max latency, 170 ms 50th, 380 ms 95th, 405 ms 99th, 414 ms
   * 99.9th.}
   */
  private static final Pattern SUMMARY = Pattern.compile(
      "(\\d+) (?:steady state )?records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
          + "([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

  /** What ProducerPerformance reported for the measured records. */
  record Summary(long records, double recordsPerSecond, double megabytesPerSecond, double avgLatencyMillis,
      double maxLatencyMillis, double p50Millis, double p95Millis, double p99Millis) {}

  private ProducerPerformanceRun() {}

  /**
   * Runs ProducerPerformance to completion (bounded by {@code timeout}) and returns its summary.
   *
   * @param warmupRecords records sent first and left out of the summary's steady-state figures
   */
  static Summary run(String bootstrapServers, String topic, long records, long warmupRecords, int recordSize,
      Path workDir, Duration timeout) {
    List<String> args = List.of(
        "--bootstrap-server", bootstrapServers,
        "--topic", topic,
        "--num-records", Long.toString(records + warmupRecords),
        "--warmup-records", Long.toString(warmupRecords),
        "--record-size", Integer.toString(recordSize),
        "--throughput", "-1",
        // The same durability as ingest-service's producer; everything else stays Kafka's default.
        "--command-property", "acks=all");
    List<String> command = ChildProcess.javaCommand(List.of("-Xmx256m"), LocalStack.brokerClasspath(), MAIN_CLASS,
        args);
    Path log = workDir.resolve("logs").resolve("producer-performance.log");
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChildProcess process = ChildProcess.start("producer-performance", command, workDir, java.util.Map.of(), log);
    try {
      int exit = process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (exit != 0) {
        throw new IllegalStateException("ProducerPerformance exited with " + exit + "; " + log + ":\n"
            + process.logTail(20));
      }
    } catch (TimeoutException e) {
      process.stop(Duration.ofSeconds(5));
      throw new IllegalStateException("ProducerPerformance did not finish within " + timeout + "; see " + log, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("ProducerPerformance failed; see " + log, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.stop(Duration.ofSeconds(5));
      throw new IllegalStateException("interrupted", e);
    }
    try {
      String output = Files.readString(log, StandardCharsets.UTF_8);
      return parseLast(output).orElseThrow(() -> new IllegalStateException(
          "no summary line in ProducerPerformance output " + log + ":\n" + process.logTail(20)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
  }

  /**
   * The last summary line of the output: with warm-up records the tool prints a line for all
   * records, then one for the steady state only (after the warm-up), which is the one wanted.
   */
  static Optional<Summary> parseLast(String output) {
    Summary last = null;
    for (String line : output.split("\\R")) {
      Matcher m = SUMMARY.matcher(line);
      if (m.find()) {
        last = new Summary(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
            Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)),
            Double.parseDouble(m.group(7)), Double.parseDouble(m.group(8)));
      }
    }
    return Optional.ofNullable(last);
  }

  static String describe(Summary s) {
    return String.format(Locale.ROOT, "%d records, %.0f records/s, %.2f MB/s, p50 %.0f ms, p99 %.0f ms",
        s.records(), s.recordsPerSecond(), s.megabytesPerSecond(), s.p50Millis(), s.p99Millis());
  }
}
