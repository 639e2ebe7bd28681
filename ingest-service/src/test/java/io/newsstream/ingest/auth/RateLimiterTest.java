package io.newsstream.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void shouldAllowABurstThenRefillAtTheConfiguredRate() {
    // given: capacity 3, 2 tokens per second, a clock we drive
    RateLimitConfiguration config = new RateLimitConfiguration();
    config.setCapacity(3);
    config.setRefillPerSecond(2);
    AtomicLong now = new AtomicLong();
    RateLimiter limiter = new RateLimiter(config, now::get);
    // when / then: the burst passes, the fourth waits half a second
    assertThat(limiter.tryAcquire("a")).isEmpty();
    assertThat(limiter.tryAcquire("a")).isEmpty();
    assertThat(limiter.tryAcquire("a")).isEmpty();
    assertThat(limiter.tryAcquire("a")).hasValueSatisfying(
        wait -> assertThat(wait).isBetween(Duration.ofMillis(499), Duration.ofMillis(501)));
    // other clients have their own bucket
    assertThat(limiter.tryAcquire("b")).isEmpty();
    // after 500 ms one token is back
    now.addAndGet(Duration.ofMillis(500).toNanos());
    assertThat(limiter.tryAcquire("a")).isEmpty();
    assertThat(limiter.tryAcquire("a")).isPresent();
  }

  @Test
  void shouldLetEverythingThroughWhenDisabled() {
    // given
    RateLimitConfiguration config = new RateLimitConfiguration();
    config.setEnabled(false);
    config.setCapacity(1);
    RateLimiter limiter = new RateLimiter(config);
    // then
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.tryAcquire("a")).isEmpty();
    }
  }
}
