package io.newsstream.localstack.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Launcher that runs inside a child JVM: ends the child when the JVM that started it is gone.
 *
 * <p>Arguments: the parent's pid, the real main class, then that class's arguments. A normal stop
 * goes through {@link ChildProcess#stop}; this covers the parent dying without running its
 * shutdown hooks (SIGKILL, a test runner killing its fork), which would otherwise leave a broker or
 * registry running with nobody to stop it. {@code System.exit} runs the child's own shutdown hooks,
 * so Kafka still shuts down in a controlled way. Depends on the JDK only: it runs on the broker's,
 * the registry's and the services' classpaths.
 */
public final class ParentWatchdog {

  private ParentWatchdog() {}

  public static void main(String[] args) throws Throwable {
    if (args.length < 2) {
      System.err.println("usage: ParentWatchdog <parent pid> <main class> [args...]");
      System.exit(2);
    }
    long parentPid = Long.parseLong(args[0]);
    ProcessHandle parent = ProcessHandle.of(parentPid).orElse(null);
    if (parent == null || !parent.isAlive()) {
      System.err.println("parent process " + parentPid + " is gone; not starting");
      System.exit(1);
    }
    parent.onExit().thenRun(() -> {
      System.err.println("parent process " + parentPid + " is gone; shutting down");
      System.exit(0);
    });
    Method main = Class.forName(args[1]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
