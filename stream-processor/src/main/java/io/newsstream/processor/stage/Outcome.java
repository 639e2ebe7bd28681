package io.newsstream.processor.stage;

import io.newsstream.schemas.avro.DeadLetter;
import io.newsstream.schemas.avro.DuplicateDetected;

/**
 * What one stage made of one record: the value to carry on with, a duplicate to report, or a
 * dead letter. A stage may forward several outcomes for one record (a flagged near-duplicate is
 * both passed on and reported). The topology splits a stage's output by outcome type, so every
 * stage sends its failures and duplicates the same way.
 */
public sealed interface Outcome<T> permits Outcome.Pass, Outcome.Duplicate, Outcome.Dead {

  /** Carry on with {@code value}. */
  record Pass<T>(T value) implements Outcome<T> {}

  /** Report {@code report} on articles.duplicates, keyed by the dropped article's id. */
  record Duplicate<T>(DuplicateDetected report) implements Outcome<T> {}

  /** Write {@code letter} to articles.dlq, keyed by the original key bytes. */
  record Dead<T>(byte[] key, DeadLetter letter) implements Outcome<T> {}

  static <T> Outcome<T> pass(T value) {
    return new Pass<>(value);
  }

  static <T> Outcome<T> duplicate(DuplicateDetected report) {
    return new Duplicate<>(report);
  }
}
