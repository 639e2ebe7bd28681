package io.newsstream.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.processor.enrich.DefaultArticleEnricher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LightEditsTest {

  private static final String BODY = String.join(" ",
      "The central bank raised its main interest rate by a quarter point on Thursday, the first",
      "increase in three years, saying inflation had stayed above its target for too long and that",
      "wages were rising faster than productivity. Economists had been divided before the meeting,",
      "with half of those polled expecting the bank to wait until the spring. The governor told",
      "reporters that further increases were likely if prices kept rising at the current pace, and",
      "that the board would watch the housing market closely. Shares of the largest lenders rose",
      "after the decision while the currency strengthened against the dollar and the euro.");

  @Test
  void shouldCountMoreEditsCaughtAtALowerContainmentShare() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LightEdits edits = new LightEdits(new DefaultArticleEnricher(), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    int[][] caught = edits.run("https://bank.example/rates", "Bank raises rates", BODY, 3, 40, 7);

    for (int[] row : caught) {
      // shares ascending: a copy within a higher share is within every lower one
      assertThat(row[1]).isGreaterThanOrEqualTo(row[2]);
      assertThat(row[2]).isGreaterThanOrEqualTo(row[3]);
      for (int n : row) {
        assertThat(n).isBetween(0, 40);
      }
    }
    // one changed word in about ninety: nearly always within 90 % containment; eight words much less often at 100 %
    assertThat(caught[0][1]).isGreaterThanOrEqualTo(30);
    assertThat(caught[caught.length - 1][3]).isLessThan(caught[0][1]);
  }
}
