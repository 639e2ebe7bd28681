package io.newsstream.localstack;

import io.newsstream.localstack.kafka.KafkaBroker;
import io.newsstream.localstack.kafka.TopicSpec;
import io.newsstream.localstack.process.Ports;
import io.newsstream.localstack.registry.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real infrastructure on one machine: a single-node KRaft Kafka broker and an Apicurio schema
 * registry, each in its own child JVM listening on 127.0.0.1 only.
 *
 * <p>Input: a {@link Builder} (work directory, ports, heaps, persistence). Output: the endpoints
 * ({@link #bootstrapServers()}, {@link #schemaRegistryUrl()}), topic creation, and control over the
 * broker for outage tests ({@link #stopBroker()}, {@link #startBroker()}). Both processes start in
 * parallel and are awaited with a bound; {@link #close()} (also run by a JVM shutdown hook) stops
 * the broker, then the registry, each with its whole process tree.
 *
 * <p>Work directory layout: {@code kafka/} (server.properties, data/), {@code registry/} (db/ when
 * persistent), {@code logs/kafka.log}, {@code logs/schema-registry.log}.
 *
 * <p>Storage lifetime: Kafka records carry registry ids, so both stores must live exactly as long
 * as each other. Ephemeral (the default) wipes Kafka data on every start and keeps the registry in
 * memory; persistent keeps both (the registry in a file-backed H2 database) and wipes both when
 * only one of them is found.
 */
public final class LocalStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

  private final Path workDir;
  private final KafkaBroker broker;
  private final SchemaRegistry registry;
  private final Thread shutdownHook;
  private Duration startupTime = Duration.ZERO;
  private boolean newCluster;
  private volatile boolean closed;

  private LocalStack(Builder builder) {
    this.workDir = builder.workDir.toAbsolutePath().normalize();
    Path logs = workDir.resolve("logs");
    int kafkaPort = Ports.preferredOrFree(builder.kafkaPort);
    int controllerPort = Ports.preferredOrFree(builder.controllerPort);
    while (controllerPort == kafkaPort) {
      controllerPort = Ports.freePort();
    }
    int registryPort = Ports.preferredOrFree(builder.registryPort);
    while (registryPort == kafkaPort || registryPort == controllerPort) {
      registryPort = Ports.freePort();
    }
    this.broker = new KafkaBroker(workDir.resolve("kafka"), kafkaPort, controllerPort, builder.kafkaHeap,
        builder.startTimeout, logs.resolve("kafka.log"));
    this.registry = new SchemaRegistry(workDir.resolve("registry"), registryPort, builder.registryHeap,
        builder.persistent, builder.startTimeout, logs.resolve("schema-registry.log"));
    this.shutdownHook = builder.shutdownHook ? new Thread(this::closeQuietly, "local-stack-shutdown") : null;
  }

  /** A builder with ephemeral storage, free ports and a shutdown hook. */
  public static Builder builder() {
    return new Builder();
  }

  /** The broker + tools classpath, see {@link KafkaBroker#classpath()}. */
  public static String brokerClasspath() {
    return KafkaBroker.classpath();
  }

  private LocalStack startAll(Builder builder) {
    long started = System.nanoTime();
    prepareStorage(builder.persistent, builder.clean);
    if (shutdownHook != null) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    // The registry takes longest (Quarkus); the broker is formatted and started meanwhile.
    CompletableFuture<Void> registryStarted = CompletableFuture.runAsync(registry::start, runnable -> {
      Thread thread = new Thread(runnable, "local-stack-registry-start");
      thread.setDaemon(true);
      thread.start();
    });
    try {
      broker.start();
      registryStarted.join();
    } catch (RuntimeException e) {
      try {
        registryStarted.join();
      } catch (CompletionException ignored) {
        // the broker failure is the one to report; a registry failure is added below
      }
      close();
      throw e;
    } catch (Error e) {
      close();
      throw e;
    }
    startupTime = Duration.ofNanos(System.nanoTime() - started);
    LOG.info("local stack ready in {} ms: kafka {}, schema registry {}, work dir {}",
        startupTime.toMillis(), bootstrapServers(), schemaRegistryUrl(), workDir);
    return this;
  }

  private void prepareStorage(boolean persistent, boolean clean) {
    try {
      Files.createDirectories(workDir);
      Path logs = workDir.resolve("logs");
      Files.createDirectories(logs);
      // Logs describe this run; restarts of the broker within it append.
      Files.deleteIfExists(broker.logFile());
      Files.deleteIfExists(registry.logFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare work directory " + workDir, e);
    }
    boolean kafkaData = broker.isFormatted();
    boolean registryData = registry.hasStoredData();
    if (!persistent || clean) {
      wipeData();
    } else if (kafkaData != registryData) {
      LOG.warn("found {} data but no {} data in {}: wiping both, records without their schemas would be undecodable",
          kafkaData ? "Kafka" : "registry", kafkaData ? "registry" : "Kafka", workDir);
      wipeData();
    }
    newCluster = !broker.isFormatted();
  }

  /**
   * True when this start formats a new Kafka cluster (no data was kept, or it was wiped): whatever
   * was derived from an earlier cluster's records, such as a Kafka Streams state directory, no
   * longer matches the topics and must be wiped too.
   */
  public boolean isNewCluster() {
    return newCluster;
  }

  private void wipeData() {
    deleteRecursively(broker.dataDir());
    deleteRecursively(registry.databaseDir());
  }

  /** Deletes {@code path} and everything below it, if it exists. */
  static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try {
      Files.walkFileTree(path, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
          if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
          }
          throw e;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }

  /** Kafka bootstrap servers, {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** The registry's Confluent-compatible API base URL, {@code http://127.0.0.1:<port>/apis/ccompat/v7}. */
  public String schemaRegistryUrl() {
    return registry.url();
  }

  /** The work directory holding configuration, data and logs. */
  public Path workDir() {
    return workDir;
  }

  public Path kafkaLogFile() {
    return broker.logFile();
  }

  public Path schemaRegistryLogFile() {
    return registry.logFile();
  }

  /** The broker, for outage tests and port details. */
  public KafkaBroker kafka() {
    return broker;
  }

  public SchemaRegistry schemaRegistry() {
    return registry;
  }

  /** How long {@link Builder#start()} took until both processes were ready. */
  public Duration startupTime() {
    return startupTime;
  }

  /** Creates topics with replication factor 1; existing topics are left alone. */
  public void createTopics(Collection<TopicSpec> topics) {
    broker.createTopics(topics);
  }

  /** Creates topics with replication factor 1; existing topics are left alone. */
  public void createTopics(TopicSpec... topics) {
    createTopics(Arrays.asList(topics));
  }

  /** Creates one topic with replication factor 1, unless it exists. */
  public void createTopic(String name, int partitions) {
    createTopics(TopicSpec.of(name, partitions));
  }

  /** Stops only the broker (ports and data are kept), e.g. to test how clients handle an outage. */
  public void stopBroker() {
    broker.stop();
  }

  /** Starts the broker again on the same ports with the same data and waits until it is ready. */
  public void startBroker() {
    if (closed) {
      throw new IllegalStateException("local stack is closed");
    }
    broker.start();
  }

  /** Stops and starts the broker on the same ports with the same data. */
  public void restartBroker() {
    broker.stop();
    startBroker();
  }

  /** The live child processes of this stack (broker and registry), for diagnostics and tests. */
  public List<ProcessHandle> processes() {
    List<ProcessHandle> handles = new ArrayList<>();
    if (broker.process() != null) {
      handles.add(broker.process().handle());
    }
    if (registry.process() != null) {
      handles.add(registry.process().handle());
    }
    return handles;
  }

  public boolean isClosed() {
    return closed;
  }

  /** Stops the broker, then the registry, each with all of its descendants. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      broker.stop();
    } finally {
      registry.stop();
      removeShutdownHook();
    }
    LOG.info("local stack in {} stopped", workDir);
  }

  private void closeQuietly() {
    try {
      close();
    } catch (RuntimeException e) {
      LOG.warn("stopping the local stack failed", e);
    }
  }

  private void removeShutdownHook() {
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down; the hook runs or has run
      }
    }
  }

  @Override
  public String toString() {
    return "LocalStack[" + broker + ", " + registry + "]";
  }

  /** Options for a {@link LocalStack}; {@link #start()} starts it and waits until it is ready. */
  public static final class Builder {
    private Path workDir = Path.of("target", "local-stack");
    private int kafkaPort;
    private int controllerPort;
    private int registryPort;
    private String kafkaHeap = "512m";
    private String registryHeap = "384m";
    private boolean persistent;
    private boolean clean;
    private boolean shutdownHook = true;
    private Duration startTimeout = Duration.ofSeconds(120);

    private Builder() {}

    /** Directory for configuration, data and logs; default {@code target/local-stack}. */
    public Builder workDir(Path workDir) {
      this.workDir = Objects.requireNonNull(workDir, "workDir");
      return this;
    }

    /** Preferred Kafka port; a free one is used when it is 0 (default) or taken. */
    public Builder kafkaPort(int port) {
      this.kafkaPort = port;
      return this;
    }

    /** Preferred KRaft controller port; a free one is used when it is 0 (default) or taken. */
    public Builder controllerPort(int port) {
      this.controllerPort = port;
      return this;
    }

    /** Preferred registry port; a free one is used when it is 0 (default) or taken. */
    public Builder schemaRegistryPort(int port) {
      this.registryPort = port;
      return this;
    }

    /** Broker {@code -Xmx}, default {@code 512m}. */
    public Builder kafkaHeap(String heap) {
      this.kafkaHeap = Objects.requireNonNull(heap, "heap");
      return this;
    }

    /** Registry {@code -Xmx}, default {@code 384m}. */
    public Builder schemaRegistryHeap(String heap) {
      this.registryHeap = Objects.requireNonNull(heap, "heap");
      return this;
    }

    /**
     * Keep Kafka data and registry data across starts (default false: both are wiped on start and
     * the registry lives in memory).
     */
    public Builder persistent(boolean persistent) {
      this.persistent = persistent;
      return this;
    }

    /** Wipe Kafka and registry data before starting, even when persistent. */
    public Builder clean(boolean clean) {
      this.clean = clean;
      return this;
    }

    /** Stop the stack on JVM exit (default true). Owners that order their own shutdown turn it off. */
    public Builder shutdownHook(boolean shutdownHook) {
      this.shutdownHook = shutdownHook;
      return this;
    }

    /** Bound on each process's readiness wait, default 120 s. */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Starts broker and registry and returns when both are ready (or throws, leaving nothing running). */
    public LocalStack start() {
      return new LocalStack(this).startAll(this);
    }
  }
}
