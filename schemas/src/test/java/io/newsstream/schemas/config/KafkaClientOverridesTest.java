package io.newsstream.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientOverridesTest {

  @Test
  void shouldKeepOnlyTheDottedReadingOfAnEnvironmentVariable() {
    // given: what Micronaut binds for NEWSSTREAM_PROCESSOR_STREAMS_MAX_TASK_IDLE_MS=7
    Map<String, String> bound = new LinkedHashMap<>();
    bound.put("max-task-idle-ms", "7");
    bound.put("max.task-idle.ms", "7");
    bound.put("max.task.idle.ms", "7");
    bound.put("max-task.idle-ms", "7");
    bound.put("client.id", "reader");

    // when
    Map<String, String> canonical = KafkaClientOverrides.canonical(bound);

    // then
    assertThat(canonical).containsExactly(Map.entry("max.task.idle.ms", "7"), Map.entry("client.id", "reader"));
  }

  @Test
  void shouldKeepADashedKeyThatHasNoDottedReading() {
    // given: a misspelt setting, which Kafka then reports as unknown
    Map<String, String> bound = Map.of("compression-type", "zstd");

    // when / then
    assertThat(KafkaClientOverrides.canonical(bound)).containsExactly(Map.entry("compression-type", "zstd"));
    assertThat(KafkaClientOverrides.canonical(null)).isEmpty();
  }
}
