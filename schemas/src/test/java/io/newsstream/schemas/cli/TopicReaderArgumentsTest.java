package io.newsstream.schemas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TopicReaderArgumentsTest {

  @Test
  void shouldReadTopicAndOptionsInBothForms() {
    // when
    TopicReader.Arguments arguments = TopicReader.Arguments.parse(
        "--endpoints", "/x/endpoints.properties", "articles.raw", "--max=5", "--idle-seconds", "3",
        "--bootstrap-servers", "127.0.0.1:9092");

    // then
    assertThat(arguments.topic()).isEqualTo("articles.raw");
    assertThat(arguments.endpoints()).isEqualTo(Path.of("/x/endpoints.properties"));
    assertThat(arguments.max()).isEqualTo(5);
    assertThat(arguments.idleSeconds()).isEqualTo(3);
    assertThat(arguments.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(arguments.registryUrl()).isNull();
    assertThat(arguments.help()).isFalse();
  }

  @Test
  void shouldReadTheEndpointsOfAWorkDirectory() {
    // when: ./newsstream passes its default endpoints file before the user's arguments
    TopicReader.Arguments arguments = TopicReader.Arguments.parse(
        "--endpoints", "/repo/.newsstream/endpoints.properties", "articles.enriched", "--work-dir", "/tmp/stack");

    // then
    assertThat(arguments.endpoints()).isEqualTo(Path.of("/tmp/stack/endpoints.properties"));
  }

  @Test
  void shouldFollowWithoutLimitByDefault() {
    // when
    TopicReader.Arguments arguments = TopicReader.Arguments.parse("articles.enriched");

    // then
    assertThat(arguments.max()).isEqualTo(Long.MAX_VALUE);
    assertThat(arguments.idleSeconds()).isZero();
    assertThat(arguments.endpoints()).isEqualTo(Path.of(".newsstream/endpoints.properties"));
  }

  @Test
  void shouldAskForHelpWhateverElseIsGiven() {
    // when
    TopicReader.Arguments arguments = TopicReader.Arguments.parse("--bogus", "--help");

    // then
    assertThat(arguments.help()).isTrue();
  }

  @Test
  void shouldRefuseMaxThatIsNoWholeNumber() {
    // when / then
    assertThatThrownBy(() -> TopicReader.Arguments.parse("articles.raw", "--max", "abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--max takes a whole number of 1 or more, not 'abc'");
  }

  @Test
  void shouldRefuseMaxOrIdleSecondsBelowOne() {
    // when / then
    assertThatThrownBy(() -> TopicReader.Arguments.parse("articles.raw", "--max", "-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--max takes a whole number of 1 or more, not -1");
    assertThatThrownBy(() -> TopicReader.Arguments.parse("articles.raw", "--idle-seconds=0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--idle-seconds takes a whole number of 1 or more, not 0");
  }

  @Test
  void shouldRefuseUnknownOptionAsUnknownEvenWithoutValue() {
    // when / then
    assertThatThrownBy(() -> TopicReader.Arguments.parse("articles.raw", "--bogus"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown option --bogus");
    assertThatThrownBy(() -> TopicReader.Arguments.parse("-x", "articles.raw"))
        .hasMessage("unknown option -x");
  }

  @Test
  void shouldRefuseKnownOptionWithoutValue() {
    // when / then
    assertThatThrownBy(() -> TopicReader.Arguments.parse("articles.raw", "--max"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option --max needs a value");
  }

  @Test
  void shouldRefuseNoTopicOrMoreThanOne() {
    // when / then
    assertThatThrownBy(TopicReader.Arguments::parse).hasMessage("name a topic");
    assertThatThrownBy(() -> TopicReader.Arguments.parse("articles.raw", "articles.dlq"))
        .hasMessage("name exactly one topic, not articles.raw articles.dlq");
  }

  @Test
  void shouldShowUsageAsTheCommandUsersType() {
    // when / then
    assertThat(TopicReader.USAGE).startsWith("usage: ./newsstream consume TOPIC").doesNotContain("TopicReader");
  }
}
