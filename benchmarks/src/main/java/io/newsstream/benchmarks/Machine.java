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
    return String.format(Locale.ROOT, "%s, %d cores, Java %s, load average %s",
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16) + "Z",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
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
