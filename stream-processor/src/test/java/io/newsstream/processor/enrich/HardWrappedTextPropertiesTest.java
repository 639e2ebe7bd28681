package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class HardWrappedTextPropertiesTest {

  /**
   * Texts of lines that look wrapped, indented, blank, listed or tabular, in any mix, so that every
   * branch of the rules meets every other.
   */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> word =
        Arbitraries.oneOf(
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(9),
            Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(5),
            Arbitraries.of("1985.", "1,000", "--", "-", "*", "1.", "#", ">", "|", "\"We", "(a)", "<ABC.N>", "U.S.",
                "....", "é", "中文"));
    Arbitrary<String> spaces = Arbitraries.of(" ", " ", " ", "  ", "   ", "\t");
    Arbitrary<String> line =
        Arbitraries.oneOf(
            word.list().ofMinSize(1).ofMaxSize(16).map(words -> String.join(" ", words)),
            word.list().ofMinSize(1).ofMaxSize(6).flatMap(words ->
                spaces.map(space -> space + String.join(space, words))),
            Arbitraries.of("", " ", "    "));
    return line.list().ofMinSize(1).ofMaxSize(30).map(lines -> String.join("\n", lines));
  }

  @Property(tries = 2_000)
  void joinsLinesWithoutChangingAnyWord(@ForAll("texts") String text) {
    // when
    String unwrapped = HardWrappedText.unwrap(text);

    // then: the same characters apart from whitespace, and no more lines than before
    assertThat(withoutWhitespace(unwrapped)).isEqualTo(withoutWhitespace(text));
    assertThat(lines(unwrapped)).isLessThanOrEqualTo(lines(text));
    // a text left as it is comes back as the same instance
    if (unwrapped.equals(text)) {
      assertThat(unwrapped).isSameAs(text);
    }
  }

  @Property(tries = 2_000)
  void eachLineOfTheResultIsOneLineOrSeveralJoinedBySpaces(@ForAll("texts") String text) {
    // when
    List<String> result = List.of(HardWrappedText.unwrap(text).split("\n", -1));
    List<String> source = List.of(text.split("\n", -1));

    // then: every result line starts as a source line starts, so a line break is only ever
    // replaced, never moved into a line
    int next = 0;
    for (String line : result) {
      assertThat(next).isLessThan(source.size());
      assertThat(line).startsWith(source.get(next).stripTrailing());
      String rest = line.substring(source.get(next).stripTrailing().length());
      next++;
      while (!rest.isBlank()) {
        assertThat(rest).startsWith(" ");
        String joined = source.get(next).strip();
        assertThat(rest.substring(1)).startsWith(joined);
        rest = rest.substring(1 + joined.length());
        next++;
      }
      // what is left is the trailing whitespace of a line that was not joined to the next
      assertThat(rest).isEqualTo(source.get(next - 1).substring(source.get(next - 1).stripTrailing().length()));
    }
    assertThat(next).isEqualTo(source.size());
  }

  private static String withoutWhitespace(String text) {
    return text.replaceAll("\\s+", "");
  }

  private static int lines(String text) {
    return text.split("\n", -1).length;
  }
}
