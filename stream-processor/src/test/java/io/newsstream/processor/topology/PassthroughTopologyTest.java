package io.newsstream.processor.topology;

import static io.newsstream.processor.testing.Articles.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.topics.Topics;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassthroughTopologyTest {

  @TempDir Path stateDir;

  @Test
  void shouldDecodeAndReEncodeEveryArticleUnchanged() {
    // given
    ProcessorConfig config = new ProcessorConfig();
    config.setSchemaRegistryUrl("mock://passthrough-" + UUID.randomUUID());
    config.setStateDir(stateDir);
    Topics topics = new Topics(config.topicNames(), StreamsProperties.serdeConfig(config));
    ArticleSubmitted article = submitted("https://example.com/p", "Title", "Body");

    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            new TopologyFactory().buildPassthrough(config, topics, config.getPassthroughTopic()), StreamsProperties.streams(config))) {
      // when
      driver
          .createInputTopic("articles.raw", new StringSerializer(), topics.raw().valueSerde().serializer())
          .pipeInput(article.getUrl(), article);

      // then
      var out =
          driver
              .createOutputTopic("articles.passthrough", new StringDeserializer(), topics.raw().valueSerde().deserializer())
              .readKeyValuesToList();
      assertThat(out).containsExactly(KeyValue.pair(article.getUrl(), article));
    }
  }
}
