package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HardWrappedTextTest {

  /** Reuters-21578 article 301 as the corpus has it: wrapped at 65 columns, paragraphs indented. */
  private static final String WIRE =
      "Merrill Lynch and Co is issuing a 100\n"
          + "mln Ecu eurobond due March 30, 1990, paying 7-3/8 pct and\n"
          + "priced at 101 pct, lead manager Banque Paribas Capital Markets\n"
          + "said.\n"
          + "    Merrill Lynch Capital Markets is co-lead manager.\n"
          + "    The issue is available in denominations of 1,000 and 10,00\n"
          + "Ecus and will be listed in Luxembourg. The payment date is\n"
          + "March 30, 1990.\n"
          + "    The selling concession is 1-3/8 pct while management and\n"
          + "underwriting combined pays 1/2 pct.";

  @Test
  void shouldJoinTheWrappedLinesOfWireCopyIntoItsIndentedParagraphs() {
    // when
    String text = HardWrappedText.unwrap(WIRE);

    // then: the short first line (its dateline was cut off) goes on too
    assertThat(text.split("\n"))
        .containsExactly(
            "Merrill Lynch and Co is issuing a 100 mln Ecu eurobond due March 30, 1990, paying 7-3/8"
                + " pct and priced at 101 pct, lead manager Banque Paribas Capital Markets said.",
            "    Merrill Lynch Capital Markets is co-lead manager.",
            "    The issue is available in denominations of 1,000 and 10,00 Ecus and will be listed in"
                + " Luxembourg. The payment date is March 30, 1990.",
            "    The selling concession is 1-3/8 pct while management and underwriting combined pays"
                + " 1/2 pct.");
  }

  @Test
  void shouldJoinTheShortFirstLineOfWireCopyToTheNext() {
    // given: Reuters-21578 article 43, whose first line lost its dateline
    String wire =
        "Secretary of State George\n"
            + "Shultz acknowledged failings in the Iran arms affair but\n"
            + "said the administration had learned from them.\n"
            + "    He spoke to reporters in Washington.";

    // when / then
    assertThat(HardWrappedText.unwrap(wire).split("\n"))
        .containsExactly(
            "Secretary of State George Shultz acknowledged failings in the Iran arms affair but said"
                + " the administration had learned from them.",
            "    He spoke to reporters in Washington.");
  }

  @Test
  void shouldJoinWrappedMarkdownWhoseParagraphsAreSeparatedByBlankLines() {
    // given: Markdown wrapped at 78 columns, as html2text writes it, with a list and a heading
    String markdown =
        "## Chip maker raises its forecast\n"
            + "\n"
            + "The company said on Tuesday that demand for its processors would keep growing\n"
            + "through the year, and raised its forecast for the second time since January.\n"
            + "\n"
            + "Analysts expect:\n"
            + "- higher margins in the data-centre business than in the last three quarters\n"
            + "- a slower recovery of personal computers, which still sell below their peak\n"
            + "\n"
            + "Shares rose 4 percent in early trading.";

    // when
    String text = HardWrappedText.unwrap(markdown);

    // then
    assertThat(text.split("\n"))
        .containsExactly(
            "## Chip maker raises its forecast",
            "",
            "The company said on Tuesday that demand for its processors would keep growing through"
                + " the year, and raised its forecast for the second time since January.",
            "",
            "Analysts expect:",
            "- higher margins in the data-centre business than in the last three quarters",
            "- a slower recovery of personal computers, which still sell below their peak",
            "",
            "Shares rose 4 percent in early trading.");
  }

  @Test
  void shouldKeepTheRowsOfTablesInWireCopyApart() {
    // given: Reuters-21578 article 6, whose table rows are indented or aligned by spaces, and a
    // commodity table whose rows start at the margin
    String registrations =
        "Argentine grain board figures show\n"
            + "crop registrations of grains, oilseeds and their products to\n"
            + "February 11, in thousands of tonnes:\n"
            + "    Bread wheat prev 1,655.8, Feb 872.0, March 164.6, total\n"
            + "2,692.4 (4,161.0).\n"
            + "    Maize Mar 48.0, total 48.0 (nil).\n"
            + "    SUBPRODUCTS\n"
            + "    Vegetable oil registrations were :         \n"
            + "    Sunoil prev 37.4, Feb 107.3, Mar 24.5, Apr 3.2, May nil,\n"
            + "Jun 10.0, total 182.4 (117.6).";
    String futures =
        "The New York Commodity Exchange gave these aluminium prices at midday,\n"
            + "in cents per pound:\n"
            + "        LAST CHANGE\n"
            + "APR7    UNTRD\n"
            + "MAY7    6150 UNCH\n"
            + "No 2 copper scrap, carloads      51.50     unchanged from Monday's\n"
            + "Traders said the market was quiet.";

    // when / then
    assertThat(HardWrappedText.unwrap(registrations).split("\n"))
        .containsExactly(
            "Argentine grain board figures show crop registrations of grains, oilseeds and their"
                + " products to February 11, in thousands of tonnes:",
            "    Bread wheat prev 1,655.8, Feb 872.0, March 164.6, total 2,692.4 (4,161.0).",
            "    Maize Mar 48.0, total 48.0 (nil).",
            "    SUBPRODUCTS",
            "    Vegetable oil registrations were :         ",
            "    Sunoil prev 37.4, Feb 107.3, Mar 24.5, Apr 3.2, May nil, Jun 10.0, total 182.4 (117.6).");
    assertThat(HardWrappedText.unwrap(futures).split("\n"))
        .containsExactly(
            "The New York Commodity Exchange gave these aluminium prices at midday, in cents per pound:",
            "        LAST CHANGE",
            "APR7    UNTRD",
            "MAY7    6150 UNCH",
            "No 2 copper scrap, carloads      51.50     unchanged from Monday's",
            "Traders said the market was quiet.");
  }

  @Test
  void shouldLeaveTextWithAParagraphPerLineAsItIs() {
    // given: scraped text, one paragraph per line, with a blank line and an indented furniture
    // line as the sample article has them
    String scraped =
        "Trinamool Congress’ Member of Parliament Mahua Moitra plans to “wait and watch” for a few"
            + " days before knocking on the doors of courts over the WhatsApp privacy breach.\n"
            + "Pegasus is the spyware designed by Israeli surveillance firm NSO Group.\n"
            + "\n"
            + "        Close\n"
            + "In India, former RSS ideologue KN Govindacharya has moved the Supreme Court.";

    // when / then
    assertThat(HardWrappedText.unwrap(scraped)).isSameAs(scraped);
  }

  @Test
  void shouldLeaveShortLinesAndTextWithoutParagraphMarksAsTheyAre() {
    // given: verse and a list of short lines (nothing is long enough to have been wrapped), and
    // wrapped-looking lines with nothing that marks a paragraph
    String verse =
        "The wind was a torrent of darkness\namong the gusty trees.\n\nThe moon was a ghostly galleon\ntossed upon cloudy seas.";
    String unmarked =
        "Shares of the company rose 4 percent on Tuesday after it raised its\n"
            + "forecast for the year.\n"
            + "The chief executive said demand would keep growing through the year.";

    // when / then
    assertThat(HardWrappedText.unwrap(verse)).isSameAs(verse);
    assertThat(HardWrappedText.unwrap(unmarked)).isSameAs(unmarked);
  }

  @Test
  void shouldJoinAShortLineWhenTheNextGoesOnWithASentence() {
    // given: a line ended early by an edit, then the rest of its sentence in lower case, in
    // indented wire copy
    String wire =
        "Prices of North Sea Brent-grade crude dipped to a low of around eight\n"
            + "8.50\n"
            + "dlrs a barrel last July from a peak of over 30 dlrs the year before.\n"
            + "    Traders said the market was quiet today.";

    // when / then: "8.50" is no table row; its lower-case continuation joins it
    assertThat(HardWrappedText.unwrap(wire).split("\n"))
        .containsExactly(
            "Prices of North Sea Brent-grade crude dipped to a low of around eight 8.50 dlrs a barrel"
                + " last July from a peak of over 30 dlrs the year before.",
            "    Traders said the market was quiet today.");
  }

  @Test
  void shouldTellTextWithALineTooLongForAHardWrap() {
    String hundred = "x".repeat(HardWrappedText.MAX_WIDTH);
    assertThat(HardWrappedText.hasLongLine(WIRE)).isFalse();
    assertThat(HardWrappedText.hasLongLine(HardWrappedText.unwrap(WIRE))).isTrue();
    assertThat(HardWrappedText.hasLongLine("short\n  " + hundred + "  \nshort")).isFalse();
    assertThat(HardWrappedText.hasLongLine("short\n" + hundred + "x")).isTrue();
  }

  @Test
  void shouldTellListItemsHeadingsAndNumbersThatGoOnASentenceApart() {
    assertThat(HardWrappedText.startsWithWord("1985.")).isTrue();
    assertThat(HardWrappedText.startsWithWord("1,000 shares")).isTrue();
    assertThat(HardWrappedText.startsWithWord("\"We will,\" he said")).isTrue();
    assertThat(HardWrappedText.startsWithWord("<TBRS.T>.")).isTrue();
    assertThat(HardWrappedText.startsWithWord("[OLBV.VI] expects")).isTrue();
    assertThat(HardWrappedText.startsWithWord("-- mostly for North America")).isTrue();
    assertThat(HardWrappedText.startsWithWord("1. The first item")).isFalse();
    assertThat(HardWrappedText.startsWithWord("2) The second")).isFalse();
    assertThat(HardWrappedText.startsWithWord("- an item")).isFalse();
    assertThat(HardWrappedText.startsWithWord("# Heading")).isFalse();
    assertThat(HardWrappedText.startsWithWord("> quoted")).isFalse();
    assertThat(HardWrappedText.startsWithWord("    indented")).isFalse();
    assertThat(HardWrappedText.startsWithWord("")).isFalse();
  }
}
