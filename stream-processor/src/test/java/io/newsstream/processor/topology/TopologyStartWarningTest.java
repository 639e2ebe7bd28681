package io.newsstream.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.testing.FakeEnricher;
import io.newsstream.schemas.topics.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Making the processor's Kafka Streams logs no warning about its settings. Each stream thread's
 * partition assignor reads the settings again from its consumer's, so a Streams setting that
 * does not reach the main consumer is warned about once per thread.
 */
class TopologyStartWarningTest {

  @TempDir Path stateDir;

  private final Logger streamsConfigLog = (Logger) LoggerFactory.getLogger(StreamsConfig.class);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  @BeforeEach
  void listen() {
    events.start();
    streamsConfigLog.addAppender(events);
  }

  @AfterEach
  void stopListening() {
    streamsConfigLog.detachAppender(events);
  }

  @Test
  void shouldMakeKafkaStreamsWithoutAWarningAboutItsSettings() {
    // given
    ProcessorConfig config = new ProcessorConfig();
    config.setSchemaRegistryUrl("mock://start-warning-" + UUID.randomUUID());
    config.setStateDir(stateDir);
    Topics topics = new Topics(config.topicNames(), StreamsProperties.serdeConfig(config));

    // when: Kafka Streams made as the processor makes it (no broker needed: it is never started)
    new KafkaStreams(new TopologyFactory().build(config, topics, new FakeEnricher(), List.of("politics", "technology")),
        StreamsProperties.streams(config)).close();

    // then
    assertThat(events.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).extracting(ILoggingEvent::getFormattedMessage)
        .isEmpty();
  }
}
