package io.newsstream.processor.runtime;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;

/**
 * Threads of this JVM as {@code jstack -l} prints them: name and state, the lock a thread waits
 * for and its owner, the whole stack with the monitors locked at each frame, and the locks held.
 */
public final class ThreadStacks {

  private ThreadStacks() {}

  /** Every thread of this JVM, each followed by a blank line. */
  public static String all() {
    StringBuilder out = new StringBuilder();
    for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      append(out, info);
      out.append('\n');
    }
    return out.toString();
  }

  /** The threads of this name, or {@code (thread not found)}. */
  public static String of(String threadName) {
    StringBuilder out = new StringBuilder();
    for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      if (info.getThreadName().equals(threadName)) {
        append(out, info);
      }
    }
    return out.length() == 0 ? "(thread not found)" : out.toString();
  }

  private static void append(StringBuilder out, ThreadInfo info) {
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
  }
}
