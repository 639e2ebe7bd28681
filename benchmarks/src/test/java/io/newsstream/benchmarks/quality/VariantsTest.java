package io.newsstream.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VariantsTest {

  /** Reuters layout: hard-wrapped lines, each paragraph starting on an indented line. */
  private static final String BODY =
      "Acme Corp said on Tuesday it would buy\nWidget Co for 120 mln dlrs. Terms were\nnot disclosed.\n"
          + "    The \"friendly\" offer - the company's first - values\nWidget at 12 dlrs a share.\n"
          + "    Closing is expected in June.";

  @Test
  void shouldDropTheLastIndentedParagraph() {
    // when
    String trimmed = Variants.withoutLastParagraph(BODY);

    // then
    assertThat(trimmed).endsWith("values\nWidget at 12 dlrs a share.").doesNotContain("June");
  }

  @Test
  void shouldDropTheLastSentenceOfAOneParagraphBody() {
    // when
    String trimmed = Variants.withoutLastParagraph("First sentence here. Second one there.");

    // then
    assertThat(trimmed).isEqualTo("First sentence here.");
  }

  @Test
  void shouldHaveNothingToTrimInAOneSentenceBody() {
    // then
    assertThat(Variants.withoutLastParagraph("Only one sentence here.")).isNull();
  }

  @Test
  void shouldKeepEveryWordWhenRetypesetting() {
    // when
    String retypeset = Variants.retypeset(BODY);

    // then
    assertThat(retypeset)
        .contains("\u201Cfriendly\u201D", "company\u2019s", " \u2013 the", "buy Widget", "dlrs.  Terms were not disclosed.\n\nThe")
        .contains("\n\n")
        .doesNotContain("\"");
    assertThat(retypeset.replaceAll("[^A-Za-z0-9]", "")).isEqualTo(BODY.replaceAll("[^A-Za-z0-9]", ""));
  }

  @Test
  void shouldAppendCreditsAfterTheUnchangedBody() {
    // when
    String withBoilerplate = Variants.withBoilerplate(BODY, new Random(1));

    // then
    assertThat(withBoilerplate).startsWith(BODY).contains("Reporting by ").contains("Editing by ");
  }

  @Test
  void shouldMakeADifferentHeadlineFromTheFirstSentence() {
    // when
    String headline = Variants.changedHeadline("ACME TO BUY WIDGET", BODY);

    // then
    assertThat(headline).isEqualTo("Acme corp said on tuesday it would buy widget");
  }
}
