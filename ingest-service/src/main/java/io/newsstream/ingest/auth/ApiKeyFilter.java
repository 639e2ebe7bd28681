package io.newsstream.ingest.auth;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.time.Duration;
import java.util.Optional;

/**
 * Authenticates every request under /v1 by its API key ({@code X-API-Key: <key>} or {@code
 * Authorization: Bearer <key>}), then applies the client's rate limit. Runs before the body is
 * read. The authenticated client's name is stored in the request attribute {@value
 * #CLIENT_ATTRIBUTE}.
 */
@ServerFilter("/v1/**")
public class ApiKeyFilter implements Ordered {

  /** Request attribute holding the authenticated client's name. */
  public static final String CLIENT_ATTRIBUTE = "newsstream.ingest.client";

  private final AuthConfiguration config;
  private final ApiKeys keys;
  private final RateLimiter rateLimiter;

  public ApiKeyFilter(AuthConfiguration config, ApiKeys keys, RateLimiter rateLimiter) {
    this.config = config;
    this.keys = keys;
    this.rateLimiter = rateLimiter;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.order();
  }

  @RequestFilter
  public void authenticate(HttpRequest<?> request) {
    String client;
    if (!config.isEnabled()) {
      client = config.getAnonymousClient();
    } else {
      String key = presentedKey(request)
          .orElseThrow(() -> new AuthException(
              AuthException.Kind.UNAUTHENTICATED,
              "an API key is required in the " + config.getHeader() + " header", 0));
      ApiKeys.Client found = keys.lookup(key)
          .orElseThrow(() -> new AuthException(AuthException.Kind.UNAUTHENTICATED, "the API key is not valid", 0));
      if (found.disabled()) {
        throw new AuthException(AuthException.Kind.FORBIDDEN, "the API key's client is disabled", 0);
      }
      client = found.name();
    }
    Optional<Duration> wait = rateLimiter.tryAcquire(client);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      throw new AuthException(AuthException.Kind.RATE_LIMITED, "rate limit exceeded; retry after " + seconds + " s", seconds);
    }
    request.setAttribute(CLIENT_ATTRIBUTE, client);
  }

  private Optional<String> presentedKey(HttpRequest<?> request) {
    Optional<String> header = request.getHeaders().get(config.getHeader(), String.class).map(String::strip)
        .filter(s -> !s.isEmpty());
    if (header.isPresent()) {
      return header;
    }
    return request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class)
        .map(String::strip)
        .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(v -> v.substring(7).strip())
        .filter(s -> !s.isEmpty());
  }
}
