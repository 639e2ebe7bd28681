package io.newsstream.ingest.auth;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per client, refilled continuously. {@link #tryAcquire} either takes a
 * token or says how long until one is available (the {@code Retry-After}). Clients come from
 * configuration, so the map stays bounded. Thread-safe.
 */
@Singleton
public class RateLimiter {

  private final RateLimitConfiguration config;
  private final LongSupplier nanoClock;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(RateLimitConfiguration config) {
    this(config, System::nanoTime);
  }

  /** For tests that drive time by hand. */
  public RateLimiter(RateLimitConfiguration config, LongSupplier nanoClock) {
    this.config = config;
    this.nanoClock = nanoClock;
  }

  /** Empty when the request may proceed; otherwise the wait until a token is available. */
  public java.util.Optional<Duration> tryAcquire(String client) {
    if (!config.isEnabled()) {
      return java.util.Optional.empty();
    }
    Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(config.getCapacity(), nanoClock.getAsLong()));
    synchronized (bucket) {
      long now = nanoClock.getAsLong();
      double perNano = config.getRefillPerSecond() / 1e9;
      bucket.tokens = Math.min(config.getCapacity(), bucket.tokens + (now - bucket.updated) * perNano);
      bucket.updated = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return java.util.Optional.empty();
      }
      long waitNanos = (long) Math.ceil((1 - bucket.tokens) / perNano);
      return java.util.Optional.of(Duration.ofNanos(waitNanos));
    }
  }

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(long tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }
}
