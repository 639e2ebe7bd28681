package io.newsstream.schemas.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kafka client settings passed through a service's configuration unchanged, such as {@code
 * newsstream.processor.streams.*} or {@code newsstream.ingest.kafka.producer.*}.
 *
 * <p>Micronaut binds such a map from application.yml and system properties with the keys as
 * written ({@code max.task.idle.ms}). An environment variable ({@code
 * NEWSSTREAM_PROCESSOR_STREAMS_MAX_TASK_IDLE_MS}) cannot say where its underscores were dots and
 * where dashes, so Micronaut binds every reading of it: {@code max.task.idle.ms}, {@code
 * max-task-idle-ms}, {@code max.task-idle.ms}, ... Kafka's setting names never contain a dash, so
 * a dashed key whose all-dots reading is there too is such a reading and is dropped. A dashed key
 * on its own is kept as written: Kafka reports what it does not know.
 */
public final class KafkaClientOverrides {

  private KafkaClientOverrides() {}

  /** The settings without the dashed readings of environment variables, in their order. */
  public static Map<String, String> canonical(Map<String, String> settings) {
    Map<String, String> canonical = new LinkedHashMap<>();
    if (settings == null) {
      return canonical;
    }
    settings.forEach(
        (key, value) -> {
          boolean readingOfDotted = key.indexOf('-') >= 0 && settings.containsKey(key.replace('-', '.'));
          if (!readingOfDotted) {
            canonical.put(key, value);
          }
        });
    return canonical;
  }
}
