package io.newsstream.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a figure was measured on: date, cores, Java, the load average (other processes compete for
 * the same cores), and CPU time of processes, so a figure can be read as per CPU-second too.
 */
final class Machine {

  private Machine() {}

  /** One line: date, cores, Java version, load averages. */
  static String describe() {
    return String.format(Locale.ROOT, "%s, %d cores (%s), Java %s, load average %s",
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16) + "Z",
        Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"), loadAverage());
  }

  /**
   * The processor's model from /proc/cpuinfo, or "unknown model": machines of one size differ in
   * speed (the same build took 0.35 and 0.95 ms of stream thread per article on two of them).
   */
  static String cpuModel() {
    try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown model");
    } catch (IOException | RuntimeException e) {
      return "unknown model";
    }
  }

  /** The 1, 5 and 15 minute load averages from /proc/loadavg, or the JVM's 1 minute figure. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** CPU time the process has used so far, or zero when the OS does not say. */
  static Duration cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** CPU time of this JVM so far. */
  static Duration ownCpu() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return Duration.ofNanos(sun.getProcessCpuTime());
    }
    return cpu(ProcessHandle.current());
  }
}
