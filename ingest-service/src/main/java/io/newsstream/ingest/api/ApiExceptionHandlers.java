package io.newsstream.ingest.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.newsstream.ingest.auth.AuthException;
import jakarta.inject.Singleton;

/**
 * Problem responses for the exceptions the filters throw before a controller runs: {@link
 * AuthException} (401, 403, 429 with Retry-After) and {@link PayloadTooLargeException} (413).
 */
public final class ApiExceptionHandlers {

  private ApiExceptionHandlers() {}

  /** 401 / 403 / 429. */
  @Singleton
  public static class AuthExceptionHandler implements ExceptionHandler<AuthException, HttpResponse<?>> {

    private final ProblemWriter writer;
    private final IngestMetrics metrics;

    public AuthExceptionHandler(ProblemWriter writer, IngestMetrics metrics) {
      this.writer = writer;
      this.metrics = metrics;
    }

    @Override
    @SuppressWarnings("rawtypes") // the raw type is ExceptionHandler's signature
    public HttpResponse<?> handle(HttpRequest request, AuthException e) {
      return switch (e.kind()) {
        case UNAUTHENTICATED -> {
          metrics.refused("unauthenticated");
          yield writer.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthorized", e.getMessage(), null)
              .header("WWW-Authenticate", "Bearer");
        }
        case FORBIDDEN -> {
          metrics.refused("forbidden");
          yield writer.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage(), null);
        }
        case RATE_LIMITED -> {
          metrics.refused("rate-limited");
          yield writer.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too Many Requests", e.getMessage(), null)
              .header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
      };
    }
  }

  /** 413 from the Content-Length check or a body cut off while read. */
  @Singleton
  public static class PayloadTooLargeHandler implements ExceptionHandler<PayloadTooLargeException, HttpResponse<?>> {

    private final ProblemWriter writer;
    private final IngestMetrics metrics;

    public PayloadTooLargeHandler(ProblemWriter writer, IngestMetrics metrics) {
      this.writer = writer;
      this.metrics = metrics;
    }

    @Override
    @SuppressWarnings("rawtypes") // the raw type is ExceptionHandler's signature
    public HttpResponse<?> handle(HttpRequest request, PayloadTooLargeException e) {
      metrics.refused("payload-too-large");
      return writer.problem(
          HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "Payload Too Large", e.getMessage(), null);
    }
  }
}
