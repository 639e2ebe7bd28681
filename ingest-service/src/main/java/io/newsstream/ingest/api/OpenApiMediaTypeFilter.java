package io.newsstream.ingest.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Locale;

/**
 * Gives the OpenAPI document under {@code /swagger/} its media type, {@code application/yaml}
 * (RFC 9512). The static resources are typed by Micronaut's file-extension table, which has no
 * entry for {@code .yml} or {@code .yaml} and so would serve the document as {@code text/plain}.
 */
@ServerFilter("/swagger/**")
public class OpenApiMediaTypeFilter {

  /** The registered YAML media type (RFC 9512). */
  public static final String APPLICATION_YAML = "application/yaml";

  @ResponseFilter
  public void typeYaml(HttpRequest<?> request, MutableHttpResponse<?> response) {
    String path = request.getPath().toLowerCase(Locale.ROOT);
    if (response.status() == HttpStatus.OK && (path.endsWith(".yml") || path.endsWith(".yaml"))) {
      response.contentType(APPLICATION_YAML);
    }
  }
}
