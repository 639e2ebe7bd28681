package io.newsstream.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicSpecTest {

  @Test
  void shouldParseNameAndPartitions() {
    assertThat(TopicSpec.parse(" articles.raw:4 ")).isEqualTo(TopicSpec.of("articles.raw", 4));
  }

  @Test
  void shouldDefaultToOnePartitionWhenOnlyNameGiven() {
    assertThat(TopicSpec.parse("articles.dlq")).isEqualTo(TopicSpec.of("articles.dlq", 1));
  }

  @Test
  void shouldRejectNonPositivePartitionsAndGarbage() {
    assertThatThrownBy(() -> TopicSpec.parse("t:0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TopicSpec.parse("t:many")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name:partitions");
  }
}
