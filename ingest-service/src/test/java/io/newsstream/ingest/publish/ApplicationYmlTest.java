package io.newsstream.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

/** The defaults {@code application.yml} gives when the environment sets nothing. */
class ApplicationYmlTest {

  @Test
  void shouldDefaultToTheLocalBrokerAndRegistryWhenTheirVariablesAreUnset() {
    // given: neither variable set (a developer's shell might set them)
    assumeTrue(System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null && System.getenv("SCHEMA_REGISTRY_URL") == null);
    try (ApplicationContext context = ApplicationContext.builder().build()) {
      // when: only the environment is started, not the beans
      Environment environment = context.getEnvironment();
      environment.start();

      // then: a default holding colons is taken whole, not as a chain of further placeholders
      assertThat(environment.getProperty("newsstream.ingest.kafka.bootstrap-servers", String.class)).contains("127.0.0.1:9092");
      assertThat(environment.getProperty("newsstream.ingest.kafka.schema-registry-url", String.class))
          .contains("http://127.0.0.1:8081");
      environment.stop();
    }
  }
}
