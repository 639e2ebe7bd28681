package io.newsstream.ingest.publish;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.serde.RegistryAvroSerializer;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Readiness of the schema registry: {@code GET <registry>/subjects} answers 200. The registry
 * is needed to publish the first article of each schema; later ones use the id the serializer
 * has cached. So a registry that does not answer makes the service DOWN only while the
 * serializer still needs it: once it has the id, articles are accepted without the registry, and
 * the service stays UP (taking it out of a load balancer would refuse articles it can take), with
 * the registry's error and the cached id in the details.
 */
@Singleton
@Readiness
public class SchemaRegistryHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

  private final PublishConfiguration config;
  private final RegistryAvroSerializer<ArticleSubmitted> serializer;
  private final HttpClient http;

  public SchemaRegistryHealthIndicator(PublishConfiguration config, RegistryAvroSerializer<ArticleSubmitted> serializer) {
    this.config = config;
    this.serializer = serializer;
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
      if (status == 200) {
        cachedId().ifPresent(id -> details.put("cachedSchemaId", id));
        healthStatus = HealthStatus.UP;
      } else {
        healthStatus = unreachable(details);
      }
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      details.put("error", KafkaHealthIndicator.rootMessage(e));
      healthStatus = unreachable(details);
    }
    return details;
  }

  private OptionalInt cachedId() {
    return serializer.cachedId(config.getTopic(), ArticleSubmitted.getClassSchema());
  }

  /** UP when the serializer writes articles without the registry, DOWN while it still needs it. */
  private HealthStatus unreachable(Map<String, Object> details) {
    OptionalInt cached = cachedId();
    if (cached.isEmpty()) {
      details.put("cachedSchemaId", "none: the next article needs the registry");
      return HealthStatus.DOWN;
    }
    details.put("cachedSchemaId", cached.getAsInt());
    details.put("note", "articles are published with the cached schema id while the registry does not answer");
    return HealthStatus.UP;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
