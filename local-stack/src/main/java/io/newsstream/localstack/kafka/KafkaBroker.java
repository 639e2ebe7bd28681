package io.newsstream.localstack.kafka;

import io.newsstream.localstack.process.ChildProcess;
import io.newsstream.localstack.process.ClassDataSharing;
import io.newsstream.localstack.process.Ports;
import io.newsstream.localstack.process.Readiness;
import io.newsstream.localstack.process.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) in its own JVM.
 *
 * <p>Inputs: a directory for its configuration and data, the broker (client) port and the
 * controller port, both on 127.0.0.1, and a heap size. On {@link #start()} it writes
 * {@code server.properties}, formats the log directory once (kept across restarts), runs
 * {@code kafka.Kafka} and waits until the admin client sees the broker. {@link #stop()} and
 * {@link #start()} may be called repeatedly: the broker comes back on the same ports with the same
 * data, which is what an outage test needs. Output goes to {@code logFile}.
 *
 * <p>Not thread-safe; the owning {@link io.newsstream.localstack.LocalStack} serialises calls.
 */
public final class KafkaBroker {

  /** Classpath resource written by the build: the broker, the tools and their dependencies. */
  public static final String CLASSPATH_RESOURCE = "/io/newsstream/localstack/broker.classpath";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final Path dir;
  private final int port;
  private final int controllerPort;
  private final String heap;
  private final Duration startTimeout;
  private final Path logFile;
  private ChildProcess process;

  /**
   * @param dir directory holding {@code server.properties} and {@code data/}
   * @param port client listener port on 127.0.0.1
   * @param controllerPort KRaft controller listener port on 127.0.0.1
   * @param heap maximum heap, a {@code -Xmx} value such as {@code 512m}
   * @param startTimeout bound on the wait for readiness
   * @param logFile where the broker's output goes
   */
  public KafkaBroker(Path dir, int port, int controllerPort, String heap, Duration startTimeout, Path logFile) {
    this.dir = dir.toAbsolutePath();
    this.port = port;
    this.controllerPort = controllerPort;
    this.heap = Objects.requireNonNull(heap, "heap");
    this.startTimeout = startTimeout;
    this.logFile = logFile.toAbsolutePath();
  }

  /**
   * The classpath of the broker JVM: {@code kafka_2.13}, {@code kafka-server}, {@code kafka-tools}
   * (for example {@code org.apache.kafka.tools.ProducerPerformance}) and their dependencies, with
   * slf4j-simple as the logging backend. Entries are absolute paths in the local Maven repository.
   */
  public static String classpath() {
    try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build local-stack with Maven"
            + " (./mvnw -pl local-stack install); the build writes it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public int controllerPort() {
    return controllerPort;
  }

  public Path logFile() {
    return logFile;
  }

  public Path dataDir() {
    return dir.resolve("data");
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The running broker process, or null when stopped. */
  public ChildProcess process() {
    return process;
  }

  /** Whether the data directory was formatted before (its data survives a restart). */
  public boolean isFormatted() {
    return Files.exists(dataDir().resolve("meta.properties"));
  }

  /** Starts the broker (formatting storage first if needed) and waits until it serves requests. */
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    Path properties = writeServerProperties();
    String classpath = classpath();
    if (!isFormatted()) {
      format(classpath, properties);
    }
    ClassDataSharing cds = ClassDataSharing.forJvm("kafka-broker", ChildProcess.withWatchdog(classpath), "kafka.Kafka");
    List<String> options = new ArrayList<>(jvmOptions());
    options.addAll(cds.jvmOptions());
    List<String> command = ChildProcess.javaCommand(options, classpath, "kafka.Kafka", List.of(properties.toString()));
    process = ChildProcess.start("kafka", command, dir, Map.of(), logFile, cds.afterExit());
    try {
      // The admin client would log a warning per refused connection: wait for the port first.
      Readiness.await("Kafka broker on " + bootstrapServers(), process, startTimeout, () -> Ports.isListening(port));
      try (Admin admin = Admin.create(Topics.adminConfig(bootstrapServers()))) {
        Readiness.await("Kafka broker on " + bootstrapServers(), process, startTimeout,
            () -> !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty());
      }
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** Stops the broker (controlled shutdown, then forcibly) and waits until it is gone. */
  public synchronized void stop() {
    if (process != null) {
      process.stop(STOP_GRACE);
      process = null;
    }
  }

  /** Stops and starts again on the same ports with the same data. */
  public synchronized void restart() {
    stop();
    start();
  }

  /** Creates {@code topics} (replication factor 1), leaving existing ones alone. */
  public void createTopics(Collection<TopicSpec> topics) {
    Topics.create(bootstrapServers(), topics);
  }

  private List<String> jvmOptions() {
    return List.of(
        "-Xms128m",
        "-Xmx" + heap,
        "-XX:+UseG1GC",
        "-XX:MaxGCPauseMillis=20",
        "-Djava.awt.headless=true",
        // The broker logs through slf4j-simple into our log file: timestamps, no per-request noise.
        "-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
        "-Dorg.slf4j.simpleLogger.log.kafka.request.logger=warn",
        "-Dorg.slf4j.simpleLogger.log.state.change.logger=warn");
  }

  private void format(String classpath, Path properties) {
    String clusterId = Uuid.randomUuid().toString();
    LOG.debug("formatting {} with cluster id {}", dataDir(), clusterId);
    ClassDataSharing cds = ClassDataSharing.forJvm("kafka-storage", classpath, "kafka.tools.StorageTool");
    List<String> command = new ArrayList<>(List.of(
        ChildProcess.javaExecutable(),
        "-Xmx256m",
        // A one-shot tool: the quick JIT tier is all it needs.
        "-XX:TieredStopAtLevel=1"));
    command.addAll(cds.jvmOptions());
    command.addAll(List.of(
        "-cp",
        classpath,
        "kafka.tools.StorageTool",
        "format",
        "--cluster-id",
        clusterId,
        "--config",
        properties.toString(),
        "--ignore-formatted"));
    ChildProcess formatter = ChildProcess.start("kafka-storage-format", command, dir, Map.of(), logFile, cds.afterExit());
    int exit;
    try {
      exit = formatter.onExit().get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
      cds.afterExit().run();
    } catch (Exception e) {
      formatter.stop(Duration.ofSeconds(5));
      throw new StartupException("formatting Kafka storage failed: " + e + "; log file: " + logFile, e);
    }
    if (exit != 0) {
      throw new StartupException("formatting Kafka storage exited with code " + exit + System.lineSeparator()
          + "log file: " + logFile + System.lineSeparator() + formatter.logTail(30));
    }
  }

  private Path writeServerProperties() {
    String text = String.join(System.lineSeparator(),
        "# Generated by io.newsstream.localstack.kafka.KafkaBroker on every start.",
        "# One JVM is both broker and the only KRaft controller.",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + dataDir(),
        "# Topics are created explicitly (see DESIGN.md); a typo must fail, not create a topic.",
        "auto.create.topics.enable=false",
        "# One broker: internal topics cannot have more than one replica.",
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "# Fewer internal-topic partitions than the default 50: coordinators load faster on 2 cores.",
        "offsets.topic.num.partitions=8",
        "transaction.state.log.num.partitions=8",
        "# Tests and the run command join groups right away; do not wait 3 s for more members.",
        "group.initial.rebalance.delay.ms=0",
        "# A small machine: fewer threads than the server defaults.",
        "num.network.threads=2",
        "num.io.threads=4",
        "num.recovery.threads.per.data.dir=1",
        "");
    try {
      Files.createDirectories(dataDir());
      Path file = dir.resolve("server.properties");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write server.properties in " + dir, e);
    }
  }

  @Override
  public String toString() {
    return "KafkaBroker[" + bootstrapServers() + ", controller 127.0.0.1:" + controllerPort + ", dir " + dir + "]";
  }
}
