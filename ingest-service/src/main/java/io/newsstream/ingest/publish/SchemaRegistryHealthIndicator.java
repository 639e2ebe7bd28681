package io.newsstream.ingest.publish;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readiness of the schema registry: {@code GET <registry>/subjects} answers 200. The registry
 * is needed to publish the first article of each schema; later ones use the cached id, but a
 * registry that is down is still worth reporting.
 */
@Singleton
@Readiness
public class SchemaRegistryHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

  private final PublishConfiguration config;
  private final HttpClient http;

  public SchemaRegistryHealthIndicator(PublishConfiguration config) {
    this.config = config;
    this.http = HttpClient.newBuilder().connectTimeout(config.getHealthTimeout()).build();
  }

  @Override
  protected String getName() {
    return "schemaRegistry";
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    Map<String, Object> details = new LinkedHashMap<>();
    String base = config.getSchemaRegistryUrl().split(",")[0].trim();
    if (base.startsWith("mock://")) {
      details.put("registry", "in-memory");
      healthStatus = HealthStatus.UP;
      return details;
    }
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(stripSlash(base) + "/subjects"))
          .timeout(config.getHealthTimeout())
          .GET()
          .build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      details.put("status", status);
      healthStatus = status == 200 ? HealthStatus.UP : HealthStatus.DOWN;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      details.put("error", KafkaHealthIndicator.rootMessage(e));
      healthStatus = HealthStatus.DOWN;
    }
    return details;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
