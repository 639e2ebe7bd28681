package io.newsstream.processor.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.naming.NameUtils;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every setting of the processor can be given as an environment variable, as docker-compose.yml
 * gives them: each gets a value other than its default through {@code NEWSSTREAM_PROCESSOR_<KEY>},
 * and the bound configuration must hold it.
 */
class EnvironmentVariableSettingsTest {

  @Test
  void shouldReadEverySettingFromItsEnvironmentVariable() throws Exception {
    // given
    ProcessorConfig defaults = new ProcessorConfig();
    Map<String, Object> variables = new LinkedHashMap<>();
    Map<Method, Object> expected = new LinkedHashMap<>();
    for (Method setter : setters()) {
      String key = NameUtils.hyphenate(setter.getName().substring(3));
      Method getter = getter(setter);
      Object value = otherThan(getter.invoke(defaults), setter.getParameterTypes()[0]);
      String variable = "NEWSSTREAM_PROCESSOR_" + key.replace('-', '_').toUpperCase(Locale.ROOT);
      if (value instanceof Map<?, ?> map) { // streams.*: one variable per Kafka setting
        map.forEach((name, setting) -> variables.put(variable + "_" + name.toString().replace('.', '_').toUpperCase(Locale.ROOT), setting));
      } else {
        variables.put(variable, text(value));
      }
      expected.put(getter, value);
    }
    PropertySource environment = PropertySource.of("test-environment-variables", variables, PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
    PropertySource noKafka = PropertySource.of("test-no-kafka", Map.of("test.streams-runner", "off"));

    // when
    List<String> ignored = new ArrayList<>();
    try (ApplicationContext context = ApplicationContext.builder().propertySources(noKafka, environment).start()) {
      ProcessorConfig bound = context.getBean(ProcessorConfig.class);
      for (Map.Entry<Method, Object> entry : expected.entrySet()) {
        Object actual = entry.getKey().invoke(bound);
        if (!entry.getValue().equals(actual)) {
          ignored.add(entry.getKey().getName() + ": " + actual + " instead of " + entry.getValue());
        }
      }
    }

    // then
    assertThat(expected).hasSizeGreaterThan(30);
    assertThat(ignored).as("settings whose environment variable was not read").isEmpty();
  }

  private static List<Method> setters() {
    List<Method> setters = new ArrayList<>();
    for (Method method : ProcessorConfig.class.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers())
          && !Modifier.isStatic(method.getModifiers())
          && method.getName().startsWith("set")
          && method.getParameterCount() == 1) {
        setters.add(method);
      }
    }
    return setters;
  }

  private static Method getter(Method setter) throws NoSuchMethodException {
    String property = setter.getName().substring(3);
    try {
      return ProcessorConfig.class.getMethod("get" + property);
    } catch (NoSuchMethodException e) {
      return ProcessorConfig.class.getMethod("is" + property);
    }
  }

  /** A valid value of the type that differs from the default. */
  private static Object otherThan(Object current, Class<?> type) {
    if (type == String.class) {
      String text = String.valueOf(current);
      if (text.contains("://")) {
        return text + "/x";
      }
      return text.matches("[\\w.-]+:\\d+") ? "127.0.0.1:19999" : text + "-x";
    } else if (type == int.class) {
      return (Integer) current + 1;
    } else if (type == long.class) {
      return (Long) current + 1024 * 1024;
    } else if (type == short.class) {
      return (short) ((Short) current + 1);
    } else if (type == double.class) {
      return ((Double) current + 1.0) / 2;
    } else if (type == boolean.class) {
      return !(Boolean) current;
    } else if (type == Duration.class) {
      return ((Duration) current).plusSeconds(1);
    } else if (type == Path.class) {
      return Path.of("/tmp/newsstream-state-x");
    } else if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[(((Enum<?>) current).ordinal() + 1) % constants.length];
    } else if (type == Map.class) {
      return Map.of("client.id", "reader-x");
    }
    throw new AssertionError("no value for a setting of type " + type);
  }

  private static String text(Object value) {
    if (value instanceof Duration duration) {
      return duration.toMillis() + "ms";
    }
    return String.valueOf(value);
  }
}
