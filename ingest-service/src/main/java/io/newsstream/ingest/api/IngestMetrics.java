package io.newsstream.ingest.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Ingest counters for Prometheus: articles accepted (by format), articles rejected (by format
 * and the rule that rejected them) and requests refused before parsing (by reason). Requests by
 * route and status come from Micronaut's {@code http.server.requests}, which does not see the
 * requests a filter refuses (401, 403, 429, 413 from Content-Length), so the refused counter is
 * their only count; publish latency and
 * producer buffer use from the publish package. Tag values come from fixed sets, so the number
 * of series stays bounded.
 */
@Singleton
public class IngestMetrics {

  private final MeterRegistry registry;

  public IngestMetrics(@Nullable MeterRegistry registry) {
    this.registry = registry;
  }

  public void accepted(String format) {
    if (registry != null) {
      Counter.builder("newsstream.ingest.articles.accepted")
          .description("Articles acknowledged by the broker and answered 202 (or 202 in a batch)")
          .tag("format", format)
          .register(registry)
          .increment();
    }
  }

  public void rejected(String format, String reason) {
    if (registry != null) {
      Counter.builder("newsstream.ingest.articles.rejected")
          .description("Articles not published, by the rule they broke or the publish failure")
          .tag("format", format)
          .tag("reason", reason)
          .register(registry)
          .increment();
    }
  }

  public void refused(String reason) {
    if (registry != null) {
      Counter.builder("newsstream.ingest.requests.refused")
          .description("Requests refused before their body was parsed (auth, rate limit, size, charset)")
          .tag("reason", reason)
          .register(registry)
          .increment();
    }
  }
}
