package io.newsstream.processor.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.processor.config.ProcessorConfig.ErrorMode;
import io.newsstream.processor.testing.RecordingMetrics;
import io.newsstream.schemas.avro.DeadLetter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.junit.jupiter.api.Test;

class FailureHandlerTest {

  private final RecordingMetrics metrics = new RecordingMetrics();
  private final List<String> failedStages = metrics.failedStages();
  private final Clock clock = Clock.fixed(Instant.parse("2026-02-03T04:05:06Z"), ZoneOffset.UTC);
  private final Optional<RecordMetadata> origin =
      Optional.of(
          new RecordMetadata() {
            @Override
            public String topic() {
              return "articles.raw";
            }

            @Override
            public int partition() {
              return 3;
            }

            @Override
            public long offset() {
              return 42L;
            }
          });

  @Test
  void shouldBuildDeadLetterWithCoordinatesInDeadLetterMode() {
    // given
    FailureHandler handler = new FailureHandler(ErrorMode.DEAD_LETTER, metrics, clock);

    // when
    Optional<Outcome<Object>> outcome =
        handler.onFailure("decode", origin, new byte[] {1}, new byte[] {2, 3}, new IllegalStateException("bad", new RuntimeException("root")));

    // then
    assertThat(outcome).containsInstanceOf(Outcome.Dead.class);
    DeadLetter letter = ((Outcome.Dead<Object>) outcome.orElseThrow()).letter();
    assertThat(letter.getSourceTopic()).isEqualTo("articles.raw");
    assertThat(letter.getPartition()).isEqualTo(3);
    assertThat(letter.getOffset()).isEqualTo(42L);
    assertThat(letter.getStage()).isEqualTo("decode");
    assertThat(letter.getErrorType()).isEqualTo(IllegalStateException.class.getName());
    assertThat(letter.getErrorMessage()).isEqualTo("bad; caused by java.lang.RuntimeException: root");
    assertThat(letter.getFailedAt()).isEqualTo(clock.instant());
    assertThat(letter.getValue().remaining()).isEqualTo(2);
    assertThat(failedStages).containsExactly("decode");
  }

  @Test
  void shouldCountButWriteNothingInLogAndContinueMode() {
    // given
    FailureHandler handler = new FailureHandler(ErrorMode.LOG_AND_CONTINUE, metrics, clock);

    // when
    Optional<Outcome<Object>> outcome = handler.onFailure("enrich", origin, null, null, new IllegalArgumentException("x"));

    // then
    assertThat(outcome).isEmpty();
    assertThat(failedStages).containsExactly("enrich");
  }

  @Test
  void shouldFailTheThreadInFailMode() {
    // given
    FailureHandler handler = new FailureHandler(ErrorMode.FAIL, metrics, clock);

    // when / then
    assertThatThrownBy(() -> handler.onFailure("dedup", origin, null, null, new IllegalArgumentException("x")))
        .isInstanceOf(StreamsException.class)
        .hasMessageContaining("articles.raw-3@42");
  }
}
