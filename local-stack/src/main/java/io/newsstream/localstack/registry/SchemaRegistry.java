package io.newsstream.localstack.registry;

import io.newsstream.localstack.process.ChildProcess;
import io.newsstream.localstack.process.ClassDataSharing;
import io.newsstream.localstack.process.Readiness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Apicurio Registry 2.6.13 in its own JVM, listening on 127.0.0.1.
 *
 * <p>Inputs: a data directory, a port, a heap size, and whether data persists. After start it sets
 * the global compatibility to BACKWARD, because Apicurio's default is NONE and Confluent's (whose
 * API and behaviour we rely on) is BACKWARD.
 *
 * <p>Storage. Apicurio 2.6's application distribution stores everything in H2 through its SQL
 * storage; by default the H2 URL is {@code jdbc:h2:mem:registry_db}, i.e. in memory. The same
 * distribution ships the H2 file engine, and pointing {@code quarkus.datasource.jdbc.url} at
 * {@code jdbc:h2:file:...} keeps schemas, ids and configuration across restarts (verified: a
 * restarted registry answers the same ids and reports "Database was already initialized"). So
 * {@code persistent=true} uses {@code <dir>/db/registry.mv.db}; {@code persistent=false} keeps the
 * in-memory default, and then Kafka data must not outlive the registry either.
 */
public final class SchemaRegistry {

  /** Classpath resource written by the build: where the distribution was unpacked. */
  public static final String LOCATION_RESOURCE = "/io/newsstream/localstack/registry.properties";

  /** System property overriding the unpacked distribution directory. */
  public static final String HOME_PROPERTY = "newsstream.apicurio.home";

  /** Path of the Confluent-compatible API below the registry's root URL. */
  public static final String CCOMPAT_PATH = "/apis/ccompat/v7";

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final Path dir;
  private final int port;
  private final String heap;
  private final boolean persistent;
  private final Duration startTimeout;
  private final Path logFile;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private ChildProcess process;

  /**
   * @param dir working directory; {@code db/} below it holds the H2 files when persistent
   * @param port HTTP port on 127.0.0.1
   * @param heap maximum heap, a {@code -Xmx} value such as {@code 384m}
   * @param persistent file-backed H2 storage under {@code dir} instead of in-memory
   * @param startTimeout bound on the wait for readiness
   * @param logFile where the registry's output goes
   */
  public SchemaRegistry(Path dir, int port, String heap, boolean persistent, Duration startTimeout, Path logFile) {
    this.dir = dir.toAbsolutePath();
    this.port = port;
    this.heap = heap;
    this.persistent = persistent;
    this.startTimeout = startTimeout;
    this.logFile = logFile.toAbsolutePath();
  }

  /** The directory holding the unpacked Apicurio distribution (with its {@code -runner.jar}). */
  public static Path home() {
    String override = System.getProperty(HOME_PROPERTY);
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    try (InputStream in = SchemaRegistry.class.getResourceAsStream(LOCATION_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(LOCATION_RESOURCE + " is missing: build local-stack with Maven");
      }
      Properties properties = new Properties();
      properties.load(in);
      return Path.of(properties.getProperty("apicurio.home"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path runnerJar() {
    Path home = home();
    try (var files = Files.list(home)) {
      return files.filter(p -> p.getFileName().toString().endsWith("-runner.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no *-runner.jar in " + home));
    } catch (IOException e) {
      throw new IllegalStateException("Apicurio Registry is not unpacked at " + home
          + ": run ./mvnw -pl local-stack install (or set -D" + HOME_PROPERTY + ")", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String rootUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The Confluent-compatible API base URL, {@code http://127.0.0.1:<port>/apis/ccompat/v7}. */
  public String url() {
    return rootUrl() + CCOMPAT_PATH;
  }

  public int port() {
    return port;
  }

  public Path logFile() {
    return logFile;
  }

  /** The H2 database directory used when persistent. */
  public Path databaseDir() {
    return dir.resolve("db");
  }

  public boolean isPersistent() {
    return persistent;
  }

  /** Whether a persistent database exists from an earlier run. */
  public boolean hasStoredData() {
    return Files.exists(databaseDir().resolve("registry.mv.db"));
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The running registry process, or null when stopped. */
  public ChildProcess process() {
    return process;
  }

  /** Starts the registry, waits until its Confluent API answers, and sets BACKWARD compatibility. */
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    List<String> jvmOptions = new ArrayList<>(List.of(
        "-Xms64m",
        "-Xmx" + heap,
        // Little traffic, fast start: the quick JIT tier and one GC thread are enough.
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-Djava.awt.headless=true",
        "-Dquarkus.http.host=127.0.0.1",
        "-Dquarkus.http.port=" + port,
        // The prod profile opens 20 H2 connections up front; one is plenty here.
        "-Dquarkus.datasource.jdbc.initial-size=1",
        "-Dquarkus.datasource.jdbc.min-size=1",
        "-Dquarkus.datasource.jdbc.max-size=20"));
    if (persistent) {
      jvmOptions.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + databaseDir().resolve("registry"));
    }
    // The runner jar's manifest Class-Path brings in lib/ also when it is on -cp instead of -jar.
    Path runner = runnerJar();
    String mainClass = ChildProcess.mainClassOf(runner);
    ClassDataSharing cds = ClassDataSharing.forJvm("schema-registry", ChildProcess.withWatchdog(runner.toString()), mainClass);
    jvmOptions.addAll(cds.jvmOptions());
    List<String> command = ChildProcess.javaCommand(jvmOptions, runner.toString(), mainClass, List.of());
    process = ChildProcess.start("schema-registry", command, dir, Map.of(), logFile, cds.afterExit());
    try {
      Readiness.await("schema registry on " + url(), process, startTimeout,
          () -> send(HttpRequest.newBuilder(URI.create(url() + "/subjects")).GET()).statusCode() == 200);
      setGlobalCompatibility("BACKWARD");
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** {@code PUT {base}/config} with the given level, e.g. BACKWARD. */
  public void setGlobalCompatibility(String level) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url() + "/config"))
        .header("Content-Type", CONTENT_TYPE)
        .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}")));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("setting global compatibility " + level + " answered "
          + response.statusCode() + ": " + response.body() + " (log file: " + logFile + ")");
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Stops the registry (gracefully, then forcibly) and waits until it is gone. */
  public synchronized void stop() {
    if (process != null) {
      process.stop(STOP_GRACE);
      process = null;
    }
  }

  @Override
  public String toString() {
    return "SchemaRegistry[" + url() + (persistent ? ", persistent in " + databaseDir() : ", in memory") + "]";
  }
}
