package io.newsstream.processor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlagSettingsTest {

  @Test
  void shouldKnowEveryBooleanSettingOfTheProcessor() {
    assertThat(FlagSettings.keys()).containsExactlyInAnyOrder(
        "newsstream.processor.dedup-key-filter", "newsstream.processor.topic-create", "newsstream.processor.stall-exit");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ture", "1", "0", " true", "maybe", ""})
  void shouldRefuseToStartWithAFlagMicronautWouldReadAsFalse(String value) {
    // the check runs before Kafka Streams would start
    assertThatThrownBy(() -> ApplicationContext.run(Map.of("newsstream.processor.topic-create", value)))
        .hasStackTraceContaining("Setting newsstream.processor.topic-create (environment variable NEWSSTREAM_PROCESSOR_TOPIC_CREATE) is '"
            + value + "': it takes true or false");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "FALSE", "yes", "off"})
  void shouldAcceptTheValuesMicronautReadsAsMeant(String value) {
    assertThatCode(() -> FlagSettings.check("newsstream.processor.dedup-key-filter", Optional.of(value))).doesNotThrowAnyException();
  }
}
