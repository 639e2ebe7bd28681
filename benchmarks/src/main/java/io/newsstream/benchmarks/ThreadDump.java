package io.newsstream.benchmarks;

import java.io.IOException;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every thread of this JVM with its whole stack, the lock it waits for and its owner, and the
 * monitors and locks it holds: what {@code jstack -l} prints, written from inside, so a run that
 * stops producing output says where its threads are.
 */
final class ThreadDump {

  private ThreadDump() {}

  /** Writes the dump to {@code file}. */
  static void write(Path file) throws IOException {
    StringBuilder out = new StringBuilder();
    for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      out.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
      if (info.getLockName() != null) {
        out.append(" on ").append(info.getLockName());
      }
      if (info.getLockOwnerName() != null) {
        out.append(" owned by \"").append(info.getLockOwnerName()).append('"');
      }
      out.append('\n');
      StackTraceElement[] stack = info.getStackTrace();
      for (int i = 0; i < stack.length; i++) {
        out.append("\tat ").append(stack[i]).append('\n');
        for (MonitorInfo monitor : info.getLockedMonitors()) {
          if (monitor.getLockedStackDepth() == i) {
            out.append("\t- locked ").append(monitor).append('\n');
          }
        }
      }
      for (LockInfo lock : info.getLockedSynchronizers()) {
        out.append("\t- holds ").append(lock).append('\n');
      }
      out.append('\n');
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, out);
  }
}
