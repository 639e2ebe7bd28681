package io.newsstream.ingest.auth;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Per-client token bucket, under {@value #PREFIX}. Every request to /v1 costs one token; a
 * client may burst up to {@code capacity} requests and sustain {@code refill-per-second}.
 */
@ConfigurationProperties(RateLimitConfiguration.PREFIX)
public class RateLimitConfiguration {

  public static final String PREFIX = "newsstream.ingest.rate-limit";

  /** Enforce the limit. Default true. */
  private boolean enabled = true;

  /** Bucket size: the largest burst. Default 2000 requests. */
  private long capacity = 2000;

  /** Sustained rate per client. Default 1000 requests per second. */
  private double refillPerSecond = 1000;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public long getCapacity() {
    return capacity;
  }

  public void setCapacity(long capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException(PREFIX + ".capacity must be positive");
    }
    this.capacity = capacity;
  }

  public double getRefillPerSecond() {
    return refillPerSecond;
  }

  public void setRefillPerSecond(double refillPerSecond) {
    if (!(refillPerSecond > 0)) {
      throw new IllegalArgumentException(PREFIX + ".refill-per-second must be positive");
    }
    this.refillPerSecond = refillPerSecond;
  }
}
