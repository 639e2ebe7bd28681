package io.newsstream.localstack.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the {@code /health} of running services and says when one turns unhealthy, with the
 * components that are not UP and their details (a stalled stream thread, Kafka unreachable), or
 * stops answering, and when it is healthy again. Says nothing while nothing changes but figures
 * (the seconds since a stalled thread's last poll).
 */
public final class HealthWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HealthWatch.class);

  /** One service's last known health: null while healthy. */
  private static final class Watched {
    final String name;
    final URI health;
    String problem;

    Watched(String name, URI health) {
      this.name = name;
      this.health = health;
    }
  }

  private final List<Watched> watched = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "newsstream-health-watch");
            thread.setDaemon(true);
            return thread;
          });

  /** Adds a service whose health is at {@code health}, healthy as of now. */
  public HealthWatch watch(String name, URI health) {
    watched.add(new Watched(name, health));
    return this;
  }

  /** Polls every {@code period} from now on. */
  public HealthWatch start(Duration period) {
    scheduler.scheduleWithFixedDelay(this::pollAll, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void pollAll() {
    for (Watched service : watched) {
      String problem = problemOf(service.health);
      if (problem != null && service.problem == null) {
        LOG.warn("{} is unhealthy: {} ({})", service.name, problem, service.health);
      } else if (problem != null && !sameKind(problem, service.problem)) {
        LOG.warn("{} is still unhealthy: {}", service.name, problem);
      } else if (problem == null && service.problem != null) {
        LOG.info("{} is healthy again", service.name);
      }
      service.problem = problem;
    }
  }

  /** Whether two problems differ in their figures only (values such as seconds since a poll). */
  static boolean sameKind(String problem, String previous) {
    return previous != null && figuresOut(problem).equals(figuresOut(previous));
  }

  private static String figuresOut(String problem) {
    return problem.replaceAll("(?<==)\\d+(\\.\\d+)?", "#");
  }

  /** Null when the service answers 200; else what is wrong, in one line. */
  private String problemOf(URI health) {
    try {
      HttpResponse<String> response =
          http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? null : summary(response.statusCode(), response.body());
    } catch (IOException e) {
      return "not answering (" + e.getClass().getSimpleName() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /**
   * What a health document says is wrong: each component that is not UP, with its details, such
   * as {@code kafkaStreams DOWN {state=RUNNING, stalledThreads={app-StreamThread-1=130.0}}}.
   */
  static String summary(int status, String body) {
    List<String> parts = new ArrayList<>();
    try {
      if (MiniJson.parse(body) instanceof Map<?, ?> document && document.get("details") instanceof Map<?, ?> components) {
        components.forEach(
            (name, value) -> {
              if (value instanceof Map<?, ?> component && !"UP".equals(component.get("status"))) {
                Object details = component.get("details");
                parts.add(name + " " + component.get("status") + (details == null ? "" : " " + details));
              }
            });
      }
    } catch (IllegalArgumentException e) {
      // not a health document: the status alone says it
    }
    return parts.isEmpty() ? "HTTP " + status : String.join("; ", parts);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
