package io.newsstream.processor.stage;

import io.newsstream.processor.config.ProcessorConfig.ErrorMode;
import io.newsstream.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides what a failed record does, following the configured {@link
 * ErrorMode}: a dead letter with its origin coordinates, a logged and counted skip, or a failure
 * of the stream thread. Every failure is logged with topic, partition and offset and counted by
 * stage.
 */
public final class FailureHandler {

  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);
  private static final int MAX_MESSAGE_LENGTH = 2_000;

  private final ErrorMode mode;
  private final PipelineMetrics metrics;
  private final Clock clock;

  public FailureHandler(ErrorMode mode, PipelineMetrics metrics, Clock clock) {
    this.mode = mode;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Handles a record that failed in {@code stage}. Returns the dead letter to forward (mode
   * DEAD_LETTER), nothing (LOG_AND_CONTINUE), or throws (FAIL).
   */
  public <T> Optional<Outcome<T>> onFailure(
      String stage, Optional<RecordMetadata> origin, byte[] key, byte[] value, Exception error) {
    String topic = origin.map(RecordMetadata::topic).orElse("unknown");
    int partition = origin.map(RecordMetadata::partition).orElse(-1);
    long offset = origin.map(RecordMetadata::offset).orElse(-1L);
    metrics.failed(stage);
    if (mode == ErrorMode.FAIL) {
      throw new StreamsException(
          "Stage " + stage + " failed for record " + topic + "-" + partition + "@" + offset + ": " + error, error);
    }
    LOG.warn(
        "Stage {} failed for record {}-{}@{} ({}): {}; {}",
        stage,
        topic,
        partition,
        offset,
        error.getClass().getName(),
        error.getMessage(),
        mode == ErrorMode.DEAD_LETTER ? "writing it to the dead-letter topic" : "skipping it");
    if (mode == ErrorMode.LOG_AND_CONTINUE) {
      return Optional.empty();
    }
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setSourceTopic(topic)
            .setPartition(partition)
            .setOffset(offset)
            .setKey(key == null ? null : ByteBuffer.wrap(key))
            .setValue(value == null ? null : ByteBuffer.wrap(value))
            .setStage(stage)
            .setErrorType(error.getClass().getName())
            .setErrorMessage(describe(error))
            .setFailedAt(clock.instant())
            .build();
    return Optional.of(new Outcome.Dead<>(key, letter));
  }

  /** The message with its causes, bounded so a huge message cannot make the letter too large. */
  static String describe(Throwable error) {
    StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
    for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      text.append("; caused by ").append(cause.getClass().getName()).append(": ").append(cause.getMessage());
    }
    return text.length() > MAX_MESSAGE_LENGTH ? text.substring(0, MAX_MESSAGE_LENGTH) + "..." : text.toString();
  }
}
