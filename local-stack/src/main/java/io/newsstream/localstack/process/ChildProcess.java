package io.newsstream.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One child process whose standard output and error are appended to a log file.
 *
 * <p>Input: a name for messages, the command line, a working directory, extra environment
 * variables and the log file. {@link #stop(Duration)} ends the process and every descendant it
 * started: it asks politely first (SIGTERM, so JVM shutdown hooks run) and kills forcibly after the
 * grace period, so no orphan survives.
 */
public final class ChildProcess {

  private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);

  private final String name;
  private final Path logFile;
  private final Process process;
  private final Runnable afterExit;

  private ChildProcess(String name, Path logFile, Process process, Runnable afterExit) {
    this.name = name;
    this.logFile = logFile;
    this.process = process;
    this.afterExit = afterExit;
    // Also when it ends on its own; stop() runs it synchronously too (it is idempotent).
    process.onExit().thenRun(afterExit);
  }

  /**
   * Starts {@code command} with its output appended to {@code logFile}.
   *
   * @param name short name used in messages, e.g. {@code kafka}
   * @param command program and arguments
   * @param workingDir working directory of the child
   * @param environment variables added to (or replacing) the inherited environment
   * @param logFile file receiving stdout and stderr; created with its parent directories
   */
  public static ChildProcess start(
      String name, List<String> command, Path workingDir, Map<String, String> environment, Path logFile) {
    return start(name, command, workingDir, environment, logFile, () -> { });
  }

  /**
   * As {@link #start(String, List, Path, Map, Path)}, with an idempotent action to run once the
   * process has exited (for example keeping a class-data-sharing archive it wrote).
   */
  public static ChildProcess start(String name, List<String> command, Path workingDir,
      Map<String, String> environment, Path logFile, Runnable afterExit) {
    try {
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      Files.createDirectories(workingDir);
      // A header per start: restarts append to the same file and stay readable.
      Files.writeString(
          logFile,
          "==== " + Instant.now() + " starting " + name + ": " + String.join(" ", command) + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      ProcessBuilder builder = new ProcessBuilder(inOwnSession(command))
          .directory(workingDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
      builder.environment().putAll(environment);
      Process process = builder.start();
      LOG.debug("started {} (pid {}), log {}", name, process.pid(), logFile);
      return new ChildProcess(name, logFile, process, afterExit);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name + " (log: " + logFile + ")", e);
    }
  }

  /**
   * Runs the command in a session of its own where {@code setsid} exists, so a Ctrl-C in the
   * terminal reaches only the owning JVM, which then stops its children in order (services before
   * the broker, the broker before the registry) instead of all of them at once. {@code setsid}
   * execs in place here (a spawned child is no process-group leader), so the pid stays the same.
   */
  private static List<String> inOwnSession(List<String> command) {
    if (!SETSID.isEmpty()) {
      List<String> wrapped = new ArrayList<>(command.size() + 1);
      wrapped.add(SETSID);
      wrapped.addAll(command);
      return wrapped;
    }
    return command;
  }

  private static final String SETSID = java.util.stream.Stream.of("/usr/bin/setsid", "/bin/setsid")
      .filter(p -> Files.isExecutable(Path.of(p)))
      .findFirst()
      .orElse("");

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /**
   * A command line that runs {@code mainClass} in a new JVM through {@link ParentWatchdog}, so the
   * child also ends if this JVM dies without stopping it.
   *
   * @param jvmOptions options before the classpath, e.g. {@code -Xmx512m}
   * @param classpath the child's classpath (this module's classes are appended)
   * @param mainClass the child's real main class
   * @param args its arguments
   */
  public static List<String> javaCommand(List<String> jvmOptions, String classpath, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(withWatchdog(classpath));
    command.add(ParentWatchdog.class.getName());
    command.add(Long.toString(ProcessHandle.current().pid()));
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /** {@code classpath} plus the {@link ParentWatchdog} jar, as {@link #javaCommand} passes it. */
  public static String withWatchdog(String classpath) {
    return classpath + java.io.File.pathSeparator + watchdogJar();
  }

  /**
   * A jar holding only {@link ParentWatchdog}, written once per content into the archive directory
   * (or the temp directory). A jar of its own rather than this module's classes: class-data sharing
   * rejects class directories on the classpath, and this module's jar changes with every build,
   * which would invalidate the archives each time.
   */
  static synchronized Path watchdogJar() {
    String resource = ParentWatchdog.class.getName().replace('.', '/') + ".class";
    try (java.io.InputStream in = ChildProcess.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " not found");
      }
      byte[] classBytes = in.readAllBytes();
      var bytes = new java.io.ByteArrayOutputStream();
      try (var jar = new java.util.jar.JarOutputStream(bytes)) {
        var entry = new java.util.jar.JarEntry(resource);
        entry.setTime(315_532_800_000L); // fixed: the same class gives the same jar
        jar.putNextEntry(entry);
        jar.write(classBytes);
        jar.closeEntry();
      }
      byte[] jarBytes = bytes.toByteArray();
      String hash = Integer.toHexString(java.util.Arrays.hashCode(jarBytes));
      Path dir = ClassDataSharing.directory();
      if (dir == null) {
        dir = Path.of(System.getProperty("java.io.tmpdir"), "newsstream-local-stack");
      }
      Files.createDirectories(dir);
      Path target = dir.resolve("parent-watchdog-" + hash + ".jar");
      if (!Files.isRegularFile(target)) {
        Path temp = dir.resolve("parent-watchdog-" + hash + "." + java.util.UUID.randomUUID() + ".tmp");
        Files.write(temp, jarBytes);
        Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the parent watchdog jar", e);
    }
  }

  /** The {@code Main-Class} of a runnable jar. */
  public static String mainClassOf(Path jar) {
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      java.util.jar.Manifest manifest = file.getManifest();
      String mainClass = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
      if (mainClass == null || mainClass.isBlank()) {
        throw new IllegalStateException(jar + " has no Main-Class in its manifest");
      }
      return mainClass.trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar, e);
    }
  }

  /** The {@code java} launcher of the running JVM, so children run on the same Java. */
  public static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public String name() {
    return name;
  }

  public Path logFile() {
    return logFile;
  }

  public long pid() {
    return process.pid();
  }

  public ProcessHandle handle() {
    return process.toHandle();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Completes with the exit code when the process ends. */
  public CompletableFuture<Integer> onExit() {
    return process.onExit().thenApply(Process::exitValue);
  }

  /** Exit code, or -1 while it still runs. */
  public int exitCode() {
    return process.isAlive() ? -1 : process.exitValue();
  }

  /** The last {@code lines} lines of the log file, for error messages. */
  public String logTail(int lines) {
    return tail(logFile, lines);
  }

  /** The last {@code lines} lines of {@code file}, or a note if it cannot be read. */
  public static String tail(Path file, int lines) {
    try {
      Deque<String> last = new ArrayDeque<>(lines);
      try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        // Lenient decoding is not available on newBufferedReader; log files are UTF-8 or ASCII.
        String line;
        while ((line = reader.readLine()) != null) {
          if (last.size() == lines) {
            last.removeFirst();
          }
          last.addLast(line);
        }
      }
      return String.join(System.lineSeparator(), last);
    } catch (IOException | UncheckedIOException e) {
      return "(could not read " + file + ": " + e.getMessage() + ")";
    }
  }

  /**
   * Stops the process and all of its descendants: SIGTERM to the process, up to {@code grace} for
   * it to exit, then SIGKILL to whatever of the tree is still alive. Idempotent.
   */
  public void stop(Duration grace) {
    ProcessHandle root = process.toHandle();
    // Descendants are only reachable while the root lives (they are re-parented when it dies).
    List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
    if (root.isAlive()) {
      LOG.debug("stopping {} (pid {})", name, root.pid());
      root.destroy();
      awaitExit(root, grace);
    }
    for (ProcessHandle child : root.descendants().toList()) {
      if (!tree.contains(child)) {
        tree.add(child);
      }
    }
    if (root.isAlive()) {
      LOG.warn("{} (pid {}) did not stop within {}; killing it", name, root.pid(), readable(grace));
      root.destroyForcibly();
      awaitExit(root, Duration.ofSeconds(10));
    }
    for (ProcessHandle descendant : tree) {
      if (descendant.isAlive()) {
        descendant.destroy();
        awaitExit(descendant, Duration.ofSeconds(2));
        if (descendant.isAlive()) {
          descendant.destroyForcibly();
          awaitExit(descendant, Duration.ofSeconds(5));
        }
      }
    }
    if (!root.isAlive()) {
      afterExit.run();
    }
  }

  private static void awaitExit(ProcessHandle handle, Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // still alive, or cannot tell: the caller escalates
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ", log " + logFile + ")";
  }

  /** {@code 24 h}, {@code 90 min}, {@code 30 s} or {@code 250 ms}: a duration as a person writes it. */
  static String readable(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + " h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + " min";
    }
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }
}
