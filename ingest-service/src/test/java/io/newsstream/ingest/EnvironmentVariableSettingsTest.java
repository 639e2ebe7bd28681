package io.newsstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.naming.NameUtils;
import io.newsstream.ingest.api.LimitsConfiguration;
import io.newsstream.ingest.auth.ApiKeys;
import io.newsstream.ingest.auth.AuthConfiguration;
import io.newsstream.ingest.auth.RateLimitConfiguration;
import io.newsstream.ingest.publish.PublishConfiguration;
import io.newsstream.ingest.validate.ValidationConfiguration;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every setting of the service can be given as an environment variable, as docker-compose.yml
 * gives them: each gets a value other than its default through the variable its key names
 * ({@code newsstream.ingest.limits.max-batch-items}: {@code NEWSSTREAM_INGEST_LIMITS_MAX_BATCH_ITEMS}),
 * and the bound configuration must hold it.
 */
class EnvironmentVariableSettingsTest {

  @ParameterizedTest
  @ValueSource(classes = {PublishConfiguration.class, AuthConfiguration.class, RateLimitConfiguration.class, LimitsConfiguration.class, ValidationConfiguration.class})
  void shouldReadEverySettingFromItsEnvironmentVariable(Class<?> configuration) throws Exception {
    // given
    String prefix = (String) configuration.getField("PREFIX").get(null);
    Object defaults = configuration.getConstructor().newInstance();
    Map<String, Object> variables = new LinkedHashMap<>();
    Map<Method, Object> expected = new LinkedHashMap<>();
    for (Method setter : setters(configuration)) {
      String key = prefix + "." + NameUtils.hyphenate(setter.getName().substring(3));
      Method getter = getter(configuration, setter);
      Object value = otherThan(getter.invoke(defaults), setter.getParameterTypes()[0]);
      String variable = key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
      if (value instanceof Map<?, ?> map) { // producer.*: one variable per Kafka setting
        map.forEach((name, setting) -> variables.put(variable + "_" + name.toString().replace('.', '_').toUpperCase(Locale.ROOT), setting));
      } else if (value instanceof List<?> list) {
        variables.put(variable, String.join(",", list.stream().map(String::valueOf).toList()));
      } else {
        variables.put(variable, value instanceof Duration duration ? duration.toMillis() + "ms" : String.valueOf(value));
      }
      expected.put(getter, value);
    }
    PropertySource environment = PropertySource.of("test-environment-variables", variables, PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);

    // when
    List<String> ignored = new ArrayList<>();
    try (ApplicationContext context = ApplicationContext.builder().propertySources(environment).start()) {
      Object bound = context.getBean(configuration);
      for (Map.Entry<Method, Object> entry : expected.entrySet()) {
        Object actual = entry.getKey().invoke(bound);
        if (!entry.getValue().equals(actual)) {
          ignored.add(entry.getKey().getName() + ": " + actual + " instead of " + entry.getValue());
        }
      }
    }

    // then
    assertThat(expected).isNotEmpty();
    assertThat(ignored).as("settings of %s whose environment variable was not read", prefix).isEmpty();
  }

  private static List<Method> setters(Class<?> configuration) {
    List<Method> setters = new ArrayList<>();
    for (Method method : configuration.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers())
          && !Modifier.isStatic(method.getModifiers())
          && method.getName().startsWith("set")
          && method.getParameterCount() == 1) {
        setters.add(method);
      }
    }
    return setters;
  }

  private static Method getter(Class<?> configuration, Method setter) throws NoSuchMethodException {
    String property = setter.getName().substring(3);
    try {
      return configuration.getMethod("get" + property);
    } catch (NoSuchMethodException e) {
      return configuration.getMethod("is" + property);
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
      return (Long) current + 1;
    } else if (type == double.class) {
      return (Double) current + 0.5;
    } else if (type == boolean.class) {
      return !(Boolean) current;
    } else if (type == Duration.class) {
      return ((Duration) current).plusSeconds(1);
    } else if (type == LocalDate.class) {
      return ((LocalDate) current).plusYears(100);
    } else if (type == List.class) {
      // the only list is api-keys, read when the service starts, so its entries must be well formed
      return List.of("one:" + ApiKeys.sha256Hex("key-one"), "two:" + ApiKeys.sha256Hex("key-two"));
    } else if (type == Map.class) {
      return Map.of("linger.ms", "20");
    }
    throw new AssertionError("no value for a setting of type " + type);
  }
}
