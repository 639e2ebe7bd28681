package io.newsstream.localstack.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthWatchTest {

  @Test
  void shouldNameEachComponentThatIsNotUpWithItsDetails() {
    // given: the processor's health with a stalled thread (Micronaut's composite document)
    String body =
        "{\"name\":\"newsstream-processor\",\"status\":\"DOWN\",\"details\":{"
            + "\"deadlockedThreads\":{\"name\":\"newsstream-processor\",\"status\":\"UP\"},"
            + "\"kafkaStreams\":{\"name\":\"newsstream-processor\",\"status\":\"DOWN\",\"details\":"
            + "{\"state\":\"RUNNING\",\"stalledThreads\":{\"app-StreamThread-1\":130}}},"
            + "\"service\":{\"name\":\"newsstream-processor\",\"status\":\"UP\"}}}";

    // when
    String summary = HealthWatch.summary(503, body);

    // then
    assertThat(summary).isEqualTo("kafkaStreams DOWN {state=RUNNING, stalledThreads={app-StreamThread-1=130}}");
  }

  @Test
  void shouldJoinSeveralProblemsAndFallBackToTheStatus() {
    // given
    String two =
        "{\"status\":\"DOWN\",\"details\":{\"kafka\":{\"status\":\"DOWN\",\"details\":{\"error\":\"timed out\"}},"
            + "\"registry\":{\"status\":\"UNKNOWN\"}}}";

    // when / then
    assertThat(HealthWatch.summary(503, two)).isEqualTo("kafka DOWN {error=timed out}; registry UNKNOWN");
    assertThat(HealthWatch.summary(503, "{\"status\":\"DOWN\"}")).isEqualTo("HTTP 503");
    assertThat(HealthWatch.summary(500, "<html>Internal Server Error</html>")).isEqualTo("HTTP 500");
  }

  @Test
  void shouldTellAChangedProblemFromChangedFigures() {
    // given
    String stalled11 = "kafkaStreams DOWN {state=RUNNING, stalledThreads={app-StreamThread-2=11}}";
    String stalled18 = "kafkaStreams DOWN {state=RUNNING, stalledThreads={app-StreamThread-2=18}}";
    String both = "kafkaStreams DOWN {state=RUNNING, stalledThreads={app-StreamThread-1=6, app-StreamThread-2=25}}";

    // when / then
    assertThat(HealthWatch.sameKind(stalled18, stalled11)).isTrue();
    assertThat(HealthWatch.sameKind(both, stalled18)).isFalse();
    assertThat(HealthWatch.sameKind(stalled11, null)).isFalse();
    assertThat(HealthWatch.sameKind(stalled11.replace("Thread-2", "Thread-1"), stalled11)).as("another thread").isFalse();
  }

  @Test
  void shouldReadJsonValuesOfEveryKind() {
    // when
    Object value = MiniJson.parse(" {\"a\": [1, -2.5e1, true, false, null], \"b\": \"q\\\"\\u00e9\\n\", \"c\": {}} ");

    // then
    assertThat(value)
        .isEqualTo(Map.of("a", java.util.Arrays.asList(1L, -25.0, true, false, null), "b", "q\"é\n", "c", Map.of()));
    assertThat(MiniJson.parse("[]")).isEqualTo(List.of());
  }

  @Test
  void shouldRefuseTextThatIsNotJson() {
    assertThatThrownBy(() -> MiniJson.parse("{\"a\": }")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MiniJson.parse("{\"a\": 1} x")).hasMessageContaining("end of text expected");
    assertThatThrownBy(() -> MiniJson.parse("\"open")).hasMessageContaining("unterminated string");
    assertThatThrownBy(() -> MiniJson.parse("")).hasMessageContaining("value expected");
  }
}
