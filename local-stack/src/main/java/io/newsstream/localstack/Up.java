package io.newsstream.localstack;

import io.newsstream.localstack.health.HealthWatch;
import io.newsstream.localstack.kafka.TopicSpec;
import io.newsstream.localstack.process.ChildProcess;
import io.newsstream.localstack.process.Ports;
import io.newsstream.localstack.process.Readiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run command: starts the local stack (Kafka + schema registry), creates the topics, starts
 * ingest-service and stream-processor from their runnable jars, prints every endpoint and writes
 * them to {@code <work dir>/endpoints.properties}, then runs until Ctrl-C or SIGTERM, or until one
 * of its child processes (a service, the broker, the registry) exits on its own, when it stops the
 * services, then the broker, then the registry.
 *
 * <p>Started by {@code ./newsstream up}; {@code --help} lists the options. Data is kept in the work
 * directory ({@code .newsstream/} under the repository root) across runs, Kafka and registry
 * together; {@code --clean} wipes it, {@code --ephemeral} never keeps it. One run at a time owns a
 * work directory ({@link WorkDirLock}); a second one is refused.
 */
public final class Up {

  /** Default topics: name and partition count. articles.raw's partitions bound processor instances. */
  public static final List<TopicSpec> DEFAULT_TOPICS = List.of(
      TopicSpec.of("articles.raw", 4),
      TopicSpec.of("articles.enriched", 3),
      TopicSpec.of("articles.duplicates", 1),
      TopicSpec.of("articles.dlq", 1),
      TopicSpec.of("articles.topic.politics", 2),
      TopicSpec.of("articles.topic.business", 2),
      TopicSpec.of("articles.topic.technology", 2),
      TopicSpec.of("articles.topic.science", 2),
      TopicSpec.of("articles.topic.health", 2),
      TopicSpec.of("articles.topic.sport", 2),
      TopicSpec.of("articles.topic.entertainment", 2),
      TopicSpec.of("articles.topic.general", 2));

  static final int DEFAULT_INGEST_PORT = 8080;
  static final int DEFAULT_REGISTRY_PORT = 8081;
  static final int DEFAULT_PROCESSOR_PORT = 8082;
  static final int DEFAULT_KAFKA_PORT = 9092;
  private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(120);
  /** How often the services' health is read once they run. */
  private static final Duration HEALTH_POLL = Duration.ofSeconds(5);
  /**
   * How long a service may take to stop before it is killed: longer than stream-processor's own
   * close-timeout (30 s), which it waits out when Kafka does not answer (a broker that died), so
   * that it ends on its own, its log saying so, rather than killed at the same moment.
   */
  private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(45);

  private final Options options;
  private final Logger log;
  private final List<ChildProcess> services = new ArrayList<>();
  private volatile HealthWatch healthWatch;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private LocalStack stack;
  private WorkDirLock workDirLock;
  private volatile boolean stopping;

  Up(Options options, Logger log) {
    this.options = options;
    this.log = log;
  }

  /** Entry point; see {@link Options#USAGE}. Exits non-zero when startup fails. */
  public static void main(String[] args) {
    configureConsoleLogging();
    Logger log = LoggerFactory.getLogger("newsstream");
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(Options.USAGE);
      return;
    }
    Up up = new Up(options, log);
    Runtime.getRuntime().addShutdownHook(new Thread(up::shutdown, "newsstream-shutdown"));
    try {
      up.start();
    } catch (RuntimeException e) {
      log.error("startup failed: {}", e.getMessage());
      log.debug("startup failure", e);
      System.exit(1);
      return;
    }
    int exit = up.awaitUntilStoppedOrChildDies();
    System.exit(exit);
  }

  /** slf4j-simple as a console: plain progress lines on stdout, Kafka clients only on trouble. */
  private static void configureConsoleLogging() {
    setDefault("org.slf4j.simpleLogger.logFile", "System.out");
    setDefault("org.slf4j.simpleLogger.showThreadName", "false");
    setDefault("org.slf4j.simpleLogger.showLogName", "false");
    setDefault("org.slf4j.simpleLogger.showShortLogName", "false");
    setDefault("org.slf4j.simpleLogger.levelInBrackets", "true");
    setDefault("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
    setDefault("org.slf4j.simpleLogger.log.io.newsstream.localstack.LocalStack", "warn");
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  void start() {
    long begin = System.nanoTime();
    Path workDir = options.workDir.toAbsolutePath().normalize();
    // Before anything in it is touched: a second run on the same directory would wipe or reuse the
    // data of the first and race it for the ports.
    workDirLock = WorkDirLock.acquire(workDir);
    log.info("work dir {} ({})", workDir, options.ephemeral ? "ephemeral: data wiped on start"
        : options.clean ? "wiping stored data first" : "Kafka and registry data kept across runs");

    int kafkaPort = portOrFallback("Kafka", options.kafkaPort);
    int registryPort = portOrFallback("schema registry", options.registryPort);
    int ingestPort = options.infraOnly ? 0 : portOrFallback("ingest-service", options.ingestPort);
    int processorPort = options.infraOnly ? 0 : portOrFallback("stream-processor", options.processorPort);
    if (!options.infraOnly) {
      requireJar("ingest-service", options.ingestJar);
      requireJar("stream-processor", options.processorJar);
    }

    log.info("starting Kafka broker and schema registry…");
    long t = System.nanoTime();
    stack = LocalStack.builder()
        .workDir(workDir)
        .kafkaPort(kafkaPort)
        .schemaRegistryPort(registryPort)
        .persistent(!options.ephemeral)
        .clean(options.clean)
        // Our own hook stops the services before the stack.
        .shutdownHook(false)
        .start();
    log.info("Kafka {} and schema registry {} ready in {}", stack.bootstrapServers(), stack.schemaRegistryUrl(),
        Readiness.secondsSince(t));

    t = System.nanoTime();
    log.info("creating {} topics…", options.topics.size());
    stack.createTopics(options.topics);
    log.info("topics ready in {}", Readiness.secondsSince(t));

    Map<String, String> endpoints = new LinkedHashMap<>();
    if (!options.infraOnly) {
      Map<String, String> common = Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
          "SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl());
      DevApiKey apiKey = DevApiKey.loadOrCreate(workDir);
      String configuredKeys = System.getenv().getOrDefault("NEWSSTREAM_INGEST_API_KEYS", "");
      ChildProcess ingest = startService("ingest-service", options.ingestJar, ingestPort, common,
          Map.of("NEWSSTREAM_INGEST_API_KEYS",
              configuredKeys.isBlank() ? apiKey.hashedEntry() : configuredKeys + "," + apiKey.hashedEntry()));
      Path stateDir = workDir.resolve("stream-processor-state");
      if (stack.isNewCluster() && Files.exists(stateDir)) {
        // Its stores and checkpoints describe the topics of the cluster that was wiped.
        log.info("wiping stream-processor state {}: it was built from Kafka data that is gone", stateDir);
        LocalStack.deleteRecursively(stateDir);
      }
      ChildProcess processor = startService("stream-processor", options.processorJar, processorPort, common,
          Map.of("NEWSSTREAM_STATE_DIR", stateDir.toString()));
      awaitHealth(ingest, ingestPort);
      awaitHealth(processor, processorPort);
      // From now on the terminal says when a service turns unhealthy, and why.
      healthWatch = new HealthWatch()
          .watch(ingest.name(), healthUri(ingestPort))
          .watch(processor.name(), healthUri(processorPort))
          .start(HEALTH_POLL);
      endpoints.put("ingest.url", "http://127.0.0.1:" + ingestPort);
      endpoints.put("processor.url", "http://127.0.0.1:" + processorPort);
      // The development key, so that the README's curl examples work as written.
      endpoints.put("ingest.api.key", apiKey.key());
    }
    endpoints.put("kafka.bootstrap.servers", stack.bootstrapServers());
    endpoints.put("schema.registry.url", stack.schemaRegistryUrl());
    endpoints.put("log.kafka", stack.kafkaLogFile().toString());
    endpoints.put("log.schema-registry", stack.schemaRegistryLogFile().toString());
    for (ChildProcess service : services) {
      endpoints.put("log." + service.name(), service.logFile().toString());
    }
    endpoints.put("work.dir", workDir.toString());
    Path endpointsFile = writeEndpoints(workDir, endpoints);

    log.info("newsstream is up in {}", Readiness.secondsSince(begin));
    StringBuilder summary = new StringBuilder(System.lineSeparator());
    endpoints.forEach((key, value) -> summary.append(String.format(Locale.ROOT, "  %-26s %s%n", key, value)));
    summary.append(String.format(Locale.ROOT, "  %-26s %s%n", "(written to)", endpointsFile));
    summary.append("  Ctrl-C stops everything.");
    log.info("endpoints:{}", summary);
  }

  private int portOrFallback(String what, int preferred) {
    if (preferred == 0 || Ports.isFree(preferred)) {
      return preferred == 0 ? Ports.freePort() : preferred;
    }
    int port = Ports.freePort();
    log.info("port {} for {} is taken; using {} instead", preferred, what, port);
    return port;
  }

  private static void requireJar(String service, Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(service + " jar not found at " + jar.toAbsolutePath()
          + ": build it (./mvnw -DskipTests install), pass its path, or use --infra-only");
    }
  }

  private ChildProcess startService(String name, Path jar, int port, Map<String, String> common,
      Map<String, String> extra) {
    log.info("starting {} on port {}…", name, port);
    Map<String, String> env = new LinkedHashMap<>(common);
    env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
    env.putAll(extra);
    Path runnable = jar.toAbsolutePath();
    List<String> command = ChildProcess.javaCommand(options.serviceJvmOptions, runnable.toString(),
        ChildProcess.mainClassOf(runnable), List.of());
    ChildProcess process = ChildProcess.start(name, command, stack.workDir(), env,
        stack.workDir().resolve("logs").resolve(name + ".log"));
    services.add(process);
    return process;
  }

  private void awaitHealth(ChildProcess service, int port) {
    long t = System.nanoTime();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI health = healthUri(port);
    Readiness.await(service.name() + " (" + health + ")", service, SERVICE_TIMEOUT, () -> http.send(
        HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    log.info("{} ready in {}", service.name(), Readiness.secondsSince(t));
  }

  private static URI healthUri(int port) {
    return URI.create("http://127.0.0.1:" + port + "/health");
  }

  private static Path writeEndpoints(Path workDir, Map<String, String> endpoints) {
    // Written by hand rather than with Properties.store: keys in a stable order, values unescaped
    // except backslashes, so the file reads well and still loads as java.util.Properties.
    StringBuilder text = new StringBuilder("# Endpoints of the running newsstream (./newsstream up); removed on stop.\n");
    endpoints.forEach((key, value) -> text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
    Path file = workDir.resolve("endpoints.properties");
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Blocks until shutdown; returns 1 if a child process (a service, the broker or the registry)
   * exited on its own, after naming it, its exit code and its log. The caller's exit then stops the
   * rest in order.
   */
  int awaitUntilStoppedOrChildDies() {
    List<ChildProcess> children = new ArrayList<>(services);
    if (stack != null) {
      children.add(stack.kafka().process());
      children.add(stack.schemaRegistry().process());
    }
    ChildProcess dead = awaitFirstExit(children);
    if (dead == null) {
      return 0;
    }
    log.error("{} exited with code {}; see {}. Stopping everything.", dead.name(), dead.exitCode(), dead.logFile());
    return 1;
  }

  /**
   * The first of {@code children} to exit before shutdown began, or null when shutdown came first
   * (then its children exit because they are being stopped).
   */
  ChildProcess awaitFirstExit(List<ChildProcess> children) {
    CompletableFuture<?>[] exits = children.stream()
        .filter(java.util.Objects::nonNull)
        .map(c -> c.onExit().thenApply(code -> c))
        .toArray(CompletableFuture[]::new);
    CompletableFuture<Object> anyExit = exits.length == 0 ? new CompletableFuture<>() : CompletableFuture.anyOf(exits);
    CompletableFuture<Void> shutdown = CompletableFuture.runAsync(this::awaitStopped);
    CompletableFuture.anyOf(anyExit, shutdown).join();
    synchronized (this) {
      // shutdown() sets stopping under this lock before it stops anything.
      if (!stopping && anyExit.isDone()) {
        return (ChildProcess) anyExit.join();
      }
    }
    return null;
  }

  private void awaitStopped() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops services, then the broker, then the registry, printing progress. Idempotent. */
  synchronized void shutdown() {
    if (stopping) {
      return;
    }
    stopping = true;
    if (healthWatch != null) {
      healthWatch.close();
    }
    try {
      if (!services.isEmpty() || stack != null) {
        log.info("stopping…");
      }
      for (ChildProcess service : services) { // ingest first: it is the entry point
        if (service.isAlive()) {
          log.info("stopping {}…", service.name());
        }
        service.stop(SERVICE_STOP_GRACE);
      }
      if (stack != null) {
        if (stack.kafka().isRunning()) {
          log.info("stopping Kafka broker…");
        }
        stack.stopBroker();
        if (stack.schemaRegistry().isRunning()) {
          log.info("stopping schema registry…");
        }
        stack.close();
        try {
          Files.deleteIfExists(stack.workDir().resolve("endpoints.properties"));
        } catch (IOException e) {
          log.debug("could not delete endpoints.properties", e);
        }
      }
      if (!services.isEmpty() || stack != null) {
        log.info("stopped");
      }
    } finally {
      if (workDirLock != null) {
        workDirLock.close();
      }
      stopped.countDown();
    }
  }

  /** Command-line options of {@link Up}. */
  static final class Options {
    static final String USAGE = String.join(System.lineSeparator(),
        "usage: up [options]",
        "  --work-dir DIR         work directory (default: <repo root>/.newsstream)",
        "  --infra-only           start only Kafka and the schema registry (and topics)",
        "  --clean                wipe stored Kafka, registry and stream-processor data before starting",
        "  --ephemeral            keep no data across runs (wiped on start, registry in memory)",
        "  --kafka-port N         default 9092",
        "  --registry-port N      default 8081",
        "  --ingest-port N        default 8080",
        "  --processor-port N     default 8082 (stream-processor health and metrics)",
        "  --ingest-jar PATH      default ingest-service/target/ingest-service-0.1.0-SNAPSHOT-all.jar",
        "  --processor-jar PATH   default stream-processor/target/stream-processor-0.1.0-SNAPSHOT-all.jar",
        "  --topics LIST          comma-separated name:partitions, replacing the default topic list",
        "  --service-jvm-opts S   JVM options for the services, space-separated (default -Xmx512m)",
        "  --help                 this text",
        "A taken default port is replaced by a free one, and the line saying so is printed.",
        "System properties newsstream.repo.root, newsstream.ingest.jar and newsstream.processor.jar",
        "set the same defaults.");

    Path workDir;
    boolean infraOnly;
    boolean clean;
    boolean ephemeral;
    boolean help;
    int kafkaPort = DEFAULT_KAFKA_PORT;
    int registryPort = DEFAULT_REGISTRY_PORT;
    int ingestPort = DEFAULT_INGEST_PORT;
    int processorPort = DEFAULT_PROCESSOR_PORT;
    Path ingestJar;
    Path processorJar;
    List<TopicSpec> topics = DEFAULT_TOPICS;
    List<String> serviceJvmOptions = List.of("-Xmx512m");

    static Options parse(String... args) {
      Path root = Path.of(System.getProperty("newsstream.repo.root", "."));
      Options options = new Options();
      options.workDir = root.resolve(".newsstream");
      options.ingestJar = Path.of(System.getProperty("newsstream.ingest.jar",
          root.resolve("ingest-service/target/ingest-service-0.1.0-SNAPSHOT-all.jar").toString()));
      options.processorJar = Path.of(System.getProperty("newsstream.processor.jar",
          root.resolve("stream-processor/target/stream-processor-0.1.0-SNAPSHOT-all.jar").toString()));
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String value = null;
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0) {
          value = arg.substring(eq + 1);
          arg = arg.substring(0, eq);
        }
        switch (arg) {
          case "--help", "-h", "help" -> options.help = true;
          case "--infra-only" -> options.infraOnly = true;
          case "--clean" -> options.clean = true;
          case "--ephemeral" -> options.ephemeral = true;
          default -> {
            if (value == null) {
              if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + arg);
              }
              value = args[++i];
            }
            switch (arg) {
              case "--work-dir" -> options.workDir = Path.of(value);
              case "--kafka-port" -> options.kafkaPort = port(arg, value);
              case "--registry-port" -> options.registryPort = port(arg, value);
              case "--ingest-port" -> options.ingestPort = port(arg, value);
              case "--processor-port" -> options.processorPort = port(arg, value);
              case "--ingest-jar" -> options.ingestJar = Path.of(value);
              case "--processor-jar" -> options.processorJar = Path.of(value);
              case "--topics" -> options.topics = Arrays.stream(value.split(","))
                  .filter(s -> !s.isBlank())
                  .map(TopicSpec::parse)
                  .toList();
              case "--service-jvm-opts" -> options.serviceJvmOptions = Arrays.stream(value.trim().split("\\s+"))
                  .filter(s -> !s.isBlank())
                  .toList();
              default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
          }
        }
      }
      return options;
    }

    private static int port(String option, String value) {
      try {
        int port = Integer.parseInt(value);
        if (port < 0 || port > 65535) {
          throw new IllegalArgumentException(option + ": not a port: " + value);
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + ": not a port: " + value, e);
      }
    }
  }
}
