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

  @Test
  void shouldReadAnIntegerWithinItsRangeAndNameTheOptionOfAWrongOne() {
    // given
    Options options = Options.parse(new String[] {"--articles", "150"}, KNOWN, FLAGS);

    // when / then
    assertThat(options.intWithin("articles", 15, 0, 200)).isEqualTo(150);
    assertThat(options.intWithin("other", 15, 0, 90)).isEqualTo(15);
    assertThatThrownBy(() -> options.intWithin("articles", 15, 0, 90))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--articles must be from 0 to 90, was 150");
    assertThatThrownBy(() -> Options.parse(new String[] {"--articles", "-1"}, KNOWN, FLAGS).intWithin("articles", 5, 0, Integer.MAX_VALUE))
        .hasMessage("--articles must be 0 or more, was -1");
    assertThatThrownBy(() -> Options.parse(new String[] {"--articles", "many"}, KNOWN, FLAGS).intWithin("articles", 5, 0, 9))
        .hasMessage("--articles must be a number, was many");
  }

  @Test
  void shouldReadASizeWithOrWithoutAUnitAndNameTheOptionOfAWrongOne() {
    // given
    Set<String> known = Set.of("memory");

    // when / then
    assertThat(Options.parse(new String[] {"--memory", "256MB"}, known, Set.of()).bytes("memory", 1)).isEqualTo(256L << 20);
    assertThat(Options.parse(new String[] {"--memory", "2gb"}, known, Set.of()).bytes("memory", 1)).isEqualTo(2L << 30);
    assertThat(Options.parse(new String[] {"--memory", "512KB"}, known, Set.of()).bytes("memory", 1)).isEqualTo(512L << 10);
    assertThat(Options.parse(new String[] {"--memory", "0"}, known, Set.of()).bytes("memory", 1)).isZero();
    assertThat(Options.parse(new String[] {}, known, Set.of()).bytes("memory", 7)).isEqualTo(7);
    assertThatThrownBy(() -> Options.parse(new String[] {"--memory", "lots"}, known, Set.of()).bytes("memory", 1))
        .hasMessageContaining("--memory must be a size")
        .hasMessageContaining("lots");
    assertThatThrownBy(() -> Options.parse(new String[] {"--memory", "1TB"}, known, Set.of()).bytes("memory", 1))
        .hasMessageContaining("--memory");
  }
}
