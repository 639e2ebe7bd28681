package io.newsstream.processor.runtime;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor's HTTP errors as RFC 9457 problems, like ingest-service's, instead of Micronaut's
 * default JSON with {@code _links} and {@code _embedded}: a wrong path or method on the
 * management port says what the port serves. The detail is written from the status and the
 * request, never copied from an exception; the cause of a 500 is logged instead.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<String> {

  static final MediaType PROBLEM = MediaType.of("application/problem+json");
  private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);
  private static final String SERVED = "this port serves GET /health and GET /prometheus";

  private final JsonMapper json;

  public ProblemErrorResponseProcessor(JsonMapper json) {
    this.json = json;
  }

  @Override
  public MutableHttpResponse<String> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
    HttpStatus status = response.getStatus();
    String method = context.getRequest().getMethodName();
    String path = context.getRequest().getPath();
    String detail = switch (status) {
      case NOT_FOUND -> "no resource at " + path + "; " + SERVED;
      case METHOD_NOT_ALLOWED -> "method " + method + " is not allowed on " + path + "; " + SERVED;
      case INTERNAL_SERVER_ERROR -> "an unexpected error occurred; it has been logged";
      default -> status.getReason();
    };
    if (status.getCode() >= 500) {
      context.getRootCause().ifPresent(cause -> LOG.error("{} {} failed", method, path, cause));
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReason());
    problem.put("status", status.getCode());
    problem.put("detail", detail);
    String body;
    try {
      body = new String(json.writeValueAsBytes(problem), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    @SuppressWarnings("unchecked")
    MutableHttpResponse<String> r = (MutableHttpResponse<String>) (MutableHttpResponse<?>) response;
    return r.body(body).contentType(PROBLEM);
  }
}
