package io.newsstream.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ThrottledWarningsTest {

  private final AtomicLong nanos = new AtomicLong();
  private final Logger log = (Logger) LoggerFactory.getLogger(ThrottledWarningsTest.class.getName() + ".log");
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private ThrottledWarnings warnings;

  @BeforeEach
  void setUp() {
    log.setLevel(Level.INFO);
    events.start();
    log.addAppender(events);
    warnings = new ThrottledWarnings(log, Duration.ofSeconds(10), nanos::get);
  }

  @AfterEach
  void tearDown() {
    log.detachAppender(events);
  }

  private List<String> warned() {
    return events.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
  }

  private void at(long seconds) {
    nanos.set(Duration.ofSeconds(seconds).toNanos());
  }

  @Test
  void shouldLogTheFirstFailureOfAnOutageAndThenOneLineAnIntervalWithTheCountHeldBack() {
    // given: an outage in which an article fails every 100 ms for 25 s
    for (int i = 0; i < 250; i++) {
      nanos.set(Duration.ofMillis(i * 100L).toNanos());
      warnings.warn("max-block", "Article eventId={} not published", "e-" + i);
    }

    // then: one line at 0 s, 10 s and 20 s; the later two count what came between
    assertThat(warned())
        .containsExactly(
            "Article eventId=e-0 not published",
            "Article eventId=e-100 not published (99 more like it since the last such warning, at most one every 10 s; the others at DEBUG)",
            "Article eventId=e-200 not published (99 more like it since the last such warning, at most one every 10 s; the others at DEBUG)");
  }

  @Test
  void shouldSayWhenPublishingWorksAgainHowManyFailuresWereNotLogged() {
    // given
    at(0);
    for (int i = 0; i < 5; i++) {
      warnings.warn("max-block", "Article eventId={} not published", "e-" + i);
    }

    // when
    at(3);
    warnings.recovered("articles.raw");
    warnings.recovered("articles.raw");

    // then: once, and the next failure is logged at once
    at(4);
    warnings.warn("max-block", "Article eventId={} not published", "e-9");
    assertThat(warned())
        .containsExactly(
            "Article eventId=e-0 not published",
            "Publishing to articles.raw works again; 4 more failures (max-block) since the last warning of them, logged at DEBUG",
            "Article eventId=e-9 not published");
  }

  @Test
  void shouldThrottleEachKindOfFailureOnItsOwn() {
    // given
    at(0);

    // when
    warnings.warn("registry", "registry failed for {}", "e-1");
    warnings.warn("max-block", "broker unreachable for {}", "e-2");
    warnings.warn("registry", "registry failed for {}", "e-3");
    warnings.recovered("articles.raw");

    // then
    assertThat(warned())
        .containsExactly(
            "registry failed for e-1",
            "broker unreachable for e-2",
            "Publishing to articles.raw works again; 1 more failure (registry) since the last warning of them, logged at DEBUG");
  }
}
