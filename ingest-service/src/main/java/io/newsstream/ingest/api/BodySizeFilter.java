package io.newsstream.ingest.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;

/**
 * Refuses a request to /v1 whose Content-Length exceeds its route's limit with 413, before
 * the body is read. Runs after authentication, so limits are only revealed to known clients.
 * Bodies without a Content-Length are limited while they are read (see {@link
 * io.newsstream.ingest.validate.LimitedInputStream}).
 */
@ServerFilter("/v1/**")
public class BodySizeFilter implements Ordered {

  private final LimitsConfiguration limits;

  public BodySizeFilter(LimitsConfiguration limits) {
    this.limits = limits;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }

  @RequestFilter
  public void checkContentLength(HttpRequest<?> request) {
    long declared = request.getContentLength();
    if (declared < 0) {
      return;
    }
    long limit = request.getPath().endsWith("/batch") ? limits.getMaxBatchBytes() : limits.getMaxArticleBytes();
    if (declared > limit) {
      throw new PayloadTooLargeException(limit);
    }
  }
}
