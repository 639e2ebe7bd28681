package io.newsstream.processor.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.naming.NameUtils;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses to start when a true/false setting has another value. Micronaut reads every value it
 * does not know as false, without a word: {@code NEWSSTREAM_PROCESSOR_TOPIC_CREATE=ture} or {@code =1}
 * would turn topic creation off. Checked once, eagerly, for every boolean setting of the processor's
 * configuration classes.
 */
@Context
public final class FlagSettings {

  /** The values Micronaut reads as the user means them, in any case; nothing else is accepted. */
  static final Set<String> ACCEPTED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n");

  private static final Map<String, Class<?>> CONFIGURATIONS = Map.of(ProcessorConfig.PREFIX, ProcessorConfig.class);

  FlagSettings(Environment environment) {
    for (String key : keys()) {
      check(key, environment.getProperty(key, String.class));
    }
  }

  /** The key of every boolean setting, such as {@code newsstream.processor.topic-create}. */
  static List<String> keys() {
    List<String> keys = new ArrayList<>();
    CONFIGURATIONS.forEach(
        (prefix, type) -> {
          for (Field field : type.getDeclaredFields()) {
            if (field.getType() == boolean.class && !Modifier.isStatic(field.getModifiers())) {
              keys.add(prefix + "." + NameUtils.hyphenate(field.getName()));
            }
          }
        });
    return keys;
  }

  static void check(String key, Optional<String> value) {
    if (value.isPresent() && !ACCEPTED.contains(value.get().toLowerCase(Locale.ROOT))) {
      throw new ConfigurationException(
          "Setting " + key + " (environment variable " + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')
              + ") is '" + value.get() + "': it takes true or false, and any other value would be read as false");
    }
  }
}
