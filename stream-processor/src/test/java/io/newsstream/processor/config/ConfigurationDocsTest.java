package io.newsstream.processor.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.naming.NameUtils;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every setting of the processor is in the configuration table of its README, by its key. */
class ConfigurationDocsTest {

  @Test
  void shouldDocumentEverySettingInTheReadme() throws IOException {
    // given
    String readme = Files.readString(Path.of("README.md"));
    String table = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## Operations"));

    // when
    List<String> undocumented = new ArrayList<>();
    for (String key : keys()) {
      if (!table.contains("`" + key + "`") && !table.contains("`" + key + ".*`")) {
        undocumented.add(key);
      }
    }

    // then
    assertThat(keys()).contains("stall-timeout", "stall-exit", "light-edit-max-words", "streams");
    assertThat(undocumented).as("settings missing from stream-processor/README.md's Configuration table").isEmpty();
  }

  /** The keys Micronaut binds: one per public setter, hyphenated. */
  private static List<String> keys() {
    List<String> keys = new ArrayList<>();
    for (Method method : ProcessorConfig.class.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers())
          && !Modifier.isStatic(method.getModifiers())
          && method.getName().startsWith("set")
          && method.getParameterCount() == 1) {
        keys.add(NameUtils.hyphenate(method.getName().substring(3)));
      }
    }
    return keys;
  }
}
