package io.newsstream.processor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** Start-up against a Kafka that does not answer (nothing listens on port 1): no broker needed. */
class TopicProvisionerTest {

  @Test
  void shouldGiveUpOnAnUnreachableKafkaWithinTheTimeoutClosingTheAdminClientIncluded() {
    // given
    Duration timeout = Duration.ofSeconds(3);
    long start = System.nanoTime();

    // when
    Throwable thrown;
    try (Admin admin = Admin.create(TopicProvisioner.adminSettings("127.0.0.1:1", timeout))) {
      thrown = catchThrowable(
          () -> new TopicProvisioner(admin, timeout).ensure(Set.of("articles.raw"), true, 1, (short) 1));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    // then
    assertThat(thrown).isInstanceOf(IllegalStateException.class)
        .hasMessage("Kafka did not answer a topic listing within 3 s; is it running?");
    assertThat(took).isLessThan(Duration.ofSeconds(10));
  }
}
