package io.newsstream.processor.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.newsstream.processor.topology.BoundedRocksDbMemory;
import io.newsstream.processor.topology.StreamsProperties;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code newsstream.processor.streams.*} as Micronaut binds it from each kind of source, in an
 * application context whose Kafka Streams is not started ({@code test.streams-runner=off}).
 */
class StreamsSettingsBindingTest {

  private static final PropertySource NO_KAFKA = PropertySource.of("test-no-kafka", Map.of("test.streams-runner", "off"));

  private static Properties streamsOf(PropertySource source) {
    try (ApplicationContext context = ApplicationContext.builder().propertySources(NO_KAFKA, source).start()) {
      return StreamsProperties.streams(context.getBean(ProcessorConfig.class));
    }
  }

  @Test
  void shouldPassThroughAStreamsSettingOfTheApplicationFileOrASystemProperty() {
    // given
    PropertySource file =
        PropertySource.of(
            "test-application-yml",
            Map.of("newsstream.processor.streams.max.task.idle.ms", "5", "newsstream.processor.streams.statestore.cache.max.bytes", "1048576"));

    // when
    Properties streams = streamsOf(file);

    // then
    assertThat(streams)
        .containsEntry(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "5")
        .containsEntry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "1048576");
  }

  @Test
  void shouldReadTheRocksDbMemoryBoundWithAUnit() {
    // given
    PropertySource variables =
        PropertySource.of("test-environment-variables", Map.of("NEWSSTREAM_PROCESSOR_ROCKSDB_MEMORY", "1GB"),
            PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
    PropertySource file = PropertySource.of("test-application-yml", Map.of("newsstream.processor.rocksdb-memory", "96MB"));

    // when / then
    assertThat(streamsOf(variables)).containsEntry(BoundedRocksDbMemory.MEMORY_CONFIG, Long.toString(1L << 30));
    assertThat(streamsOf(file)).containsEntry(BoundedRocksDbMemory.MEMORY_CONFIG, Long.toString(96L << 20));
  }

  @Test
  void shouldPassThroughAStreamsSettingOfAnEnvironmentVariableUnderItsKafkaName() {
    // given
    PropertySource variables =
        PropertySource.of(
            "test-environment-variables",
            Map.of("NEWSSTREAM_PROCESSOR_STREAMS_CLIENT_ID", "reader-7", "NEWSSTREAM_PROCESSOR_STREAMS_MAIN_CONSUMER_FETCH_MAX_WAIT_MS", "20"),
            PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);

    // when
    Properties streams = streamsOf(variables);

    // then
    assertThat(streams)
        .containsEntry(StreamsConfig.CLIENT_ID_CONFIG, "reader-7")
        .containsEntry("main.consumer.fetch.max.wait.ms", "20");
    assertThat(streams.stringPropertyNames()).noneMatch(key -> key.contains("-"));
  }
}
