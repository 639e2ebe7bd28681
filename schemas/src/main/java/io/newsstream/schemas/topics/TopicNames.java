package io.newsstream.schemas.topics;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The names of Newsstream's topics. Defaults follow DESIGN.md; every name can be overridden by
 * configuration (for example to run two environments on one cluster with a prefix).
 *
 * @param raw submitted articles, written by ingest-service
 * @param enriched every unique article and revision
 * @param duplicates audit trail of dropped duplicates
 * @param deadLetter records that could not be processed
 * @param topicPrefix prefix of the per-topic streams; {@code articles.topic.} gives {@code
 *     articles.topic.politics}
 * @param generalTopic taxonomy name used when an article matches no topic
 */
public record TopicNames(
    String raw, String enriched, String duplicates, String deadLetter, String topicPrefix, String generalTopic) {

  public static final String RAW_DEFAULT = "articles.raw";
  public static final String ENRICHED_DEFAULT = "articles.enriched";
  public static final String DUPLICATES_DEFAULT = "articles.duplicates";
  public static final String DEAD_LETTER_DEFAULT = "articles.dlq";
  public static final String TOPIC_PREFIX_DEFAULT = "articles.topic.";
  public static final String GENERAL_TOPIC_DEFAULT = "general";

  private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  public TopicNames {
    for (String name : new String[] {raw, enriched, duplicates, deadLetter}) {
      requireLegal(name);
    }
    Objects.requireNonNull(topicPrefix, "topicPrefix");
    requireLegal(topicPrefix + Objects.requireNonNull(generalTopic, "generalTopic"));
  }

  /** The names DESIGN.md gives. */
  public static TopicNames defaults() {
    return new TopicNames(
        RAW_DEFAULT, ENRICHED_DEFAULT, DUPLICATES_DEFAULT, DEAD_LETTER_DEFAULT, TOPIC_PREFIX_DEFAULT, GENERAL_TOPIC_DEFAULT);
  }

  /** The output stream of one taxonomy topic, for example {@code articles.topic.technology}. */
  public String topicStream(String topic) {
    String name = topicPrefix + topic.toLowerCase(Locale.ROOT);
    requireLegal(name);
    return name;
  }

  /** The output stream of articles that matched no topic. */
  public String generalStream() {
    return topicStream(generalTopic);
  }

  private static void requireLegal(String name) {
    if (name == null || !LEGAL.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException(
          "Illegal Kafka topic name '" + name + "': use 1 to 249 of [a-zA-Z0-9._-]");
    }
  }
}
