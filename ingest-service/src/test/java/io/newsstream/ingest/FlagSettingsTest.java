package io.newsstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.newsstream.ingest.auth.AuthConfiguration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FlagSettingsTest {

  @Test
  void shouldKnowEveryBooleanSettingOfTheService() {
    assertThat(FlagSettings.keys())
        .containsExactlyInAnyOrder(
            "newsstream.ingest.auth.enabled", "newsstream.ingest.rate-limit.enabled", "newsstream.ingest.validation.reject-unknown-fields");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ture", "1", "0", " true", "enabled", ""})
  void shouldRefuseToStartWithAFlagMicronautWouldReadAsFalse(String value) {
    assertThatThrownBy(() -> ApplicationContext.run(Map.of("newsstream.ingest.auth.enabled", value)))
        .hasStackTraceContaining("Setting newsstream.ingest.auth.enabled (environment variable NEWSSTREAM_INGEST_AUTH_ENABLED) is '"
            + value + "': it takes true or false");
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "FALSE", "no", "off"})
  void shouldStartWithAFlagItReadsAsMeant(String value) {
    try (ApplicationContext ctx = ApplicationContext.run(Map.of("newsstream.ingest.auth.enabled", value))) {
      assertThat(ctx.getBean(AuthConfiguration.class).isEnabled()).isFalse();
    }
  }
}
