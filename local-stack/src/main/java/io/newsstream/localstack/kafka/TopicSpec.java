package io.newsstream.localstack.kafka;

import java.util.Objects;

/**
 * A topic to create on the local broker: its name and partition count (replication factor is
 * always 1, there is one broker).
 */
public record TopicSpec(String name, int partitions) {

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, was " + partitions);
    }
  }

  public static TopicSpec of(String name, int partitions) {
    return new TopicSpec(name, partitions);
  }

  /** Parses {@code name:partitions} or a bare {@code name} (one partition). */
  public static TopicSpec parse(String text) {
    String trimmed = text.trim();
    int colon = trimmed.lastIndexOf(':');
    if (colon < 0) {
      return new TopicSpec(trimmed, 1);
    }
    try {
      return new TopicSpec(trimmed.substring(0, colon), Integer.parseInt(trimmed.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected name:partitions, got '" + text + "'", e);
    }
  }
}
