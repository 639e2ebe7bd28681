package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

  private final TextCleaner cleaner = new TextCleaner(EnrichmentConfig.defaults());

  @Test
  void shouldRemoveMoneycontrolPromotionGluedToTheLastSentence() {
    // given: the end of the sample article as the scraper delivered it
    String body =
        "She then moved to the Trinamool Congress and was elected to the West Bengal assembly in"
            + " 2016. She successfully contested the 2019 Lok Sabha election and represents"
            + " Krishnanagar in Parliament.Special Thursday Expiry on 10th 7th NovEarly Closure to"
            + " The Great Diwali Discount. Last Chance to get Moneycontrol PRO for a year @ Rs."
            + " 289/- only Coupon code: DIWALI";

    // when
    String cleaned = cleaner.cleanBody(body, "moneycontrol.com");

    // then
    assertThat(cleaned)
        .isEqualTo(
            "She then moved to the Trinamool Congress and was elected to the West Bengal assembly"
                + " in 2016. She successfully contested the 2019 Lok Sabha election and represents"
                + " Krishnanagar in Parliament.");
  }

  @Test
  void shouldRemoveCreditAndRightsLinesThatCloseTheBodyOnly() {
    // given: an outlet's credits after the story, and a credit-like sentence inside it
    String story = "The bank said it would cut rates.\nReporting by the central bank's staff showed growth.";
    String body =
        story
            + "\n\n(Reporting by Jane Doe in London; Additional reporting by Ann Roe; Editing by Tom Poe)"
            + "\nCopyright 1987 Reuters. All rights reserved.\nOur Standards: The Trust Principles.\n";
    String signed = story + "\nReporting by Jane Doe\nWriting by Ann Roe; editing by Tom Poe";

    // when / then
    assertThat(cleaner.cleanBody(body, "example.com")).isEqualTo(story);
    assertThat(cleaner.cleanBody(signed, "example.com")).isEqualTo(story);
  }

  @Test
  void shouldApplyAnOutletsRulesElsewhereOnlyToATextThatNamesTheOutlet() {
    // given: the promotion in a copy of the outlet's page on another site, and the same glued
    // shape in a text that does not name the outlet (its rule would match "Coupon code")
    String copy = "Read the story.Last Chance to get Moneycontrol PRO for a year. Coupon code: DIWALI";
    String unnamed = "Read the story.Last Chance to get the shop's offer. Coupon code: DIWALI";
    String inWord = "Read the story.Last Chance at moneycontrolling costs. Coupon code: DIWALI";

    // when / then
    assertThat(cleaner.cleanBody(copy, "example.com")).isEqualTo("Read the story.");
    assertThat(cleaner.cleanBody(unnamed, "example.com")).isEqualTo("Read the story. Last Chance to get the shop's offer. Coupon code: DIWALI");
    assertThat(cleaner.cleanBody(inWord, "example.com")).startsWith("Read the story. Last Chance");
  }

  @Test
  void shouldApplyAConfiguredOutletsRulesToCopiesThatNameItAndNotToOtherTexts() {
    // given
    TextCleaner custom =
        new TextCleaner(
            EnrichmentConfig.fromProperties(
                Map.of("enrich.furniture.domain.dailynews.co.uk.1", "(?m)^Follow Daily ?News on .*$")));
    String copy = "Body text.\nFollow DailyNews on Mastodon and Bluesky";
    String named = "Body text.\nFollow Daily News on Mastodon and Bluesky";

    // when / then: the outlet's name is the first label of its domain
    assertThat(custom.cleanBody(copy, "dailynews.co.uk")).isEqualTo("Body text.");
    assertThat(custom.cleanBody(named, "example.com")).isEqualTo("Body text.\nFollow Daily News on Mastodon and Bluesky");
    assertThat(custom.cleanBody(copy, "example.com")).isEqualTo("Body text.");
  }

  @Test
  void shouldRemoveLoneFurnitureLinesButKeepTheSameWordsInsideSentences() {
    // given
    String body =
        "First paragraph.\n\n        Close\n      \nAdvertisement\nAlso Read:\n"
            + "Story continues below Advertisement\nPlease close the door.";

    // when
    String cleaned = cleaner.cleanBody(body, "example.com");

    // then
    assertThat(cleaned).isEqualTo("First paragraph.\nPlease close the door.");
  }

  @Test
  void shouldRemoveLoneFurnitureLinesOfOtherLanguages() {
    // given
    String body =
        "Die Gewerkschaft hat zum Streik aufgerufen.\nAnzeige\nLesen Sie auch:\nDie Anzeige erschien am Montag.\n"
            + "Publicité\nÀ lire aussi\nPublicidad\nPubblicità\nLeia também:\nAdvertentie";

    // when
    String cleaned = cleaner.cleanBody(body, "example.de");

    // then
    assertThat(cleaned).isEqualTo("Die Gewerkschaft hat zum Streik aufgerufen.\nDie Anzeige erschien am Montag.");
  }

  @Test
  void shouldApplyConfiguredPerDomainRules() {
    // given
    TextCleaner custom =
        new TextCleaner(
            EnrichmentConfig.fromProperties(
                Map.of("enrich.furniture.domain.example.com.1", "(?m)^Follow us on .*$")));

    // when
    String cleaned = custom.cleanBody("Body text.\nFollow us on Mastodon and Bluesky", "example.com");

    // then
    assertThat(cleaned).isEqualTo("Body text.");
  }

  @Test
  void shouldTurnHtmlIntoParagraphLinesWithoutScriptsOrEntities() {
    // given
    String html =
        "<html><head><title>x</title><script>var a=1;</script></head><body>"
            + "<h1>Markets&nbsp;rally</h1><p>Stocks <b>rose</b> &amp; bonds fell.</p>"
            + "<div class='ad'>Advertisement</div><p>Second<br>line</p><style>p{}</style></body></html>";

    // when
    String cleaned = cleaner.cleanBody(html, "example.com");

    // then
    assertThat(cleaned).isEqualTo("Markets rally\nStocks rose & bonds fell.\nSecond\nline");
  }

  @Test
  void shouldJoinTheWrappedLinesOfPlainTextIntoParagraphsButKeepTheLineBreaksOfHtml() {
    // given: wire copy wrapped at 65 columns with CRLF line ends and a credit line after it, and
    // an HTML body whose author broke a line on purpose
    String wire =
        "Merrill Lynch and Co is issuing a 100\r\n"
            + "mln Ecu eurobond due March 30, 1990, paying 7-3/8 pct and\r\n"
            + "priced at 101 pct, lead manager Banque Paribas Capital Markets\r\n"
            + "said.\r\n"
            + "    Merrill Lynch Capital Markets is co-lead manager.\r\n"
            + "\r\n"
            + "Reporting by Jane Doe; Editing by Tom Poe\r\n";
    String html =
        "<p>Shares of the company rose 4 percent on Tuesday after it raised its</p>"
            + "forecast for the year.<p></p><p>The chief executive spoke.</p>";

    // when / then
    assertThat(cleaner.cleanBody(wire, "reuters.com"))
        .isEqualTo(
            "Merrill Lynch and Co is issuing a 100 mln Ecu eurobond due March 30, 1990, paying 7-3/8"
                + " pct and priced at 101 pct, lead manager Banque Paribas Capital Markets said.\n"
                + "Merrill Lynch Capital Markets is co-lead manager.");
    assertThat(cleaner.cleanBody(html, "example.com"))
        .isEqualTo(
            "Shares of the company rose 4 percent on Tuesday after it raised its\n"
                + "forecast for the year.\nThe chief executive spoke.");
  }

  @Test
  void shouldNotTreatPlainTextWithComparisonSignsAsHtml() {
    // given
    String body = "Profit rose 5 pct; 3 < 4 and 5 > 2, said Smith & Co.";

    // when
    String cleaned = cleaner.cleanBody(body, "example.com");

    // then
    assertThat(cleaned).isEqualTo(body);
  }

  @Test
  void shouldNormaliseUnicodeToNfkcAndCollapseWhitespace() {
    // given: full-width letters, a ligature, non-breaking and zero-width spaces, CRLF, tabs
    String body = "Ｔｅｓｔ\u00A0 ﬁnal\u200B  text\t here\r\n\r\n\r\n  next   line  ";

    // when
    String cleaned = cleaner.cleanBody(body, null);

    // then
    assertThat(cleaned).isEqualTo("Test final text here\nnext line");
  }

  @Test
  void shouldBreakLinesAtEveryUnicodeLineBreakAndDropInvisibleControlCharacters() {
    // given: NEL, line and paragraph separators, a lone CR; NUL, BEL, DEL and a C1 control
    String body = "First\u0085Second\u2028Third\u2029Fourth\rFifth li\u0000ne\u0007 with\u007F con\u009Ftrols";

    // when
    String cleaned = cleaner.cleanBody(body, null);
    String title = cleaner.cleanTitle("Head\u0085line\u0000 here");

    // then
    assertThat(cleaned).isEqualTo("First\nSecond\nThird\nFourth\nFifth line with controls");
    assertThat(title).isEqualTo("Head line here");
  }

  @Test
  void shouldSeparateSentencesThatAScraperGluedTogether() {
    // given
    String body = "over the WhatsApp privacy breach.A member of the committee said so.Then it ended.";

    // when
    String cleaned = cleaner.cleanBody(body, null);

    // then
    assertThat(cleaned)
        .isEqualTo("over the WhatsApp privacy breach. A member of the committee said so. Then it ended.");
  }

  @Test
  void shouldKeepAbbreviationsAndNumbersIntact() {
    // given
    String body = "The U.S. economy grew 2.5 pct, said Microsoft.NET chief J.P. Smith.";

    // when
    String cleaned = cleaner.cleanBody(body, null);

    // then
    assertThat(cleaned).isEqualTo(body);
  }

  @Test
  void shouldCleanATitleToOneLine() {
    // given
    String title = "  Markets <b>rally</b>\n as   rates fall ";

    // when
    String cleaned = cleaner.cleanTitle(title);

    // then
    assertThat(cleaned).isEqualTo("Markets rally as rates fall");
  }

  @Test
  void shouldSkipADomainRuleThatWouldBacktrackWithoutEnd() {
    // given: a configured rule with exponential backtracking on a run of 'a's
    TextCleaner custom =
        new TextCleaner(
            EnrichmentConfig.fromProperties(
                Map.of("enrich.furniture.domain.example.com.1", "(a|aa)+c")));
    String body = "Intro.\n" + "a".repeat(5_000) + "\nEnd.";

    // when
    String cleaned = custom.cleanBody(body, "example.com");

    // then: the rule gave up within its budget and left the text as it was
    assertThat(cleaned).isEqualTo(body);
  }

  @Test
  void shouldSkipADomainRuleThatExceedsItsReadBudget() {
    // given: nested quantifiers that try exponentially many ways to split a run of 'x's
    TextCleaner custom =
        new TextCleaner(
            EnrichmentConfig.fromProperties(
                Map.of("enrich.furniture.domain.example.com.1", "(x+x+)+y")));
    String body = "Intro.\n" + "x".repeat(40) + "\nEnd.";

    // when
    String cleaned = custom.cleanBody(body, "example.com");

    // then
    assertThat(cleaned).isEqualTo(body);
  }

  @Test
  void shouldRemoveFurnitureLinesPaddedWithWhitespaceOrWrittenInCapitals() {
    // given: padding that makes a line long, a tab-spaced colon, a no-break space
    String body =
        "Intro.\nClose" + " ".repeat(60) + "\n\tALSO \t READ :\t\nREAD\u00A0MORE:\n"
            + "\u00A0".repeat(30) + "Advertisement" + "\u2003".repeat(30) + "\n"
            + "Share this article!\nEnd.";

    // when
    String cleaned = cleaner.cleanBody(body, "example.com");

    // then
    assertThat(cleaned).isEqualTo("Intro.\nShare this article!\nEnd.");
  }

  @Test
  void shouldLookForGluedSentencesWheneverTheExpressionWouldFindOne() {
    // given: texts shaped like "ab.Cd" whose every character varies between lower- and
    // upper-case letters (some outside the Basic Multilingual Plane), sentence ends and spaces
    String[] letters = {"a", "é", "\uD835\uDC1A", "A", "É", "\uD835\uDC00", ".", " "};
    String[] ends = {".", "!", "?", "a", ","};
    String[] after = {"a", "A", " ", "\n", "", "\uD835\uDC1A"};
    Random random = new Random(7);
    int glued = 0;
    for (int t = 0; t < 20_000; t++) {
      String text =
          letters[random.nextInt(letters.length)]
              + letters[random.nextInt(letters.length)]
              + letters[random.nextInt(letters.length)]
              + ends[random.nextInt(ends.length)]
              + letters[random.nextInt(letters.length)]
              + after[random.nextInt(after.length)];

      // when
      boolean found = TextCleaner.GLUED_SENTENCE.matcher(text).find();

      // then
      if (found) {
        glued++;
        assertThat(TextCleaner.mayHaveGluedSentence(text)).as("%s", text).isTrue();
      }
    }
    assertThat(glued).isGreaterThan(100);
    assertThat(TextCleaner.mayHaveGluedSentence("The U.S. economy. J.P. Smith, 1.5 pct. ABC.Def")).isFalse();
  }
}
