package io.newsstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {

  private static final Set<String> KNOWN = Set.of("profile", "articles");
  private static final Set<String> FLAGS = Set.of("profile");

  @Test
  void shouldReadAFlagAloneOrWithTrueOrFalse() {
    assertThat(Options.parse(new String[] {"--profile"}, KNOWN, FLAGS).flag("profile")).isTrue();
    assertThat(Options.parse(new String[] {"--profile=TRUE"}, KNOWN, FLAGS).flag("profile")).isTrue();
    assertThat(Options.parse(new String[] {"--profile=false", "--articles", "5"}, KNOWN, FLAGS).flag("profile")).isFalse();
    assertThat(Options.parse(new String[] {"--articles", "5"}, KNOWN, FLAGS).flag("profile")).isFalse();
  }

  @Test
  void shouldRejectAFlagWithAnyOtherValueInsteadOfTurningItOff() {
    assertThatThrownBy(() -> Options.parse(new String[] {"--profile=yes"}, KNOWN, FLAGS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--profile is a flag")
        .hasMessageContaining("yes");
  }
}
