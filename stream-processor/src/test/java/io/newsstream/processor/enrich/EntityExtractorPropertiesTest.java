package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The entity rules split and re-read runs of capitalised words in many ways (titles inside a run,
 * "of", auxiliary verbs, known given names, initials, elisions, firms' names with "and" and commas,
 * names of the lists with possessives, cities, companies marked by tickers or angle brackets, months
 * after names): on any sequence of such pieces
 * they must not fail, and every entity must be made of words of the text.
 */
class EntityExtractorPropertiesTest {

  private static final EntityExtractor EXTRACTOR = new EntityExtractor(25);

  /** Pieces the rules react to, and a few that they do not. */
  @Provide
  Arbitrary<List<String>> pieces() {
    return Arbitraries.of(
            "Fed", "Chair", "Janet", "Yellen", "General", "Motors", "Deputy", "Prime", "Minister", "Chief", "of",
            "Staff", "Was", "Has", "L.", "J.", "B.", "Plan", "The", "A", "chairman", "analyst", "chief", "said",
            "Robert", "Gordon", "Shearson", "Lehman", "Inc", "Corp", "IMF", "Christine", "New", "York", "First",
            "Boston", "Texas", "University", "USD", "VIDEO", "WHO", "Director-General", "St", "Germain", "de",
            "la", "l’", "dell’", "Economia", "Banque", "centrale", "européenne", "ministre", "Soviet", "Officials",
            ",", ".", ":", "\n", "’s", "'", "-", "(", ")", "\"", "Über", "中国", "Эльвира", "x", "1,400",
            "and", "Co", "Sons", "Savings", "Loan", "Power", "Light", "Goldman,", "Sachs", "Premier",
            "Associates", "Moody's", "Investors", "Service", "Standard", "Poor's", "Securities", "Exchange",
            "Commission", "Kaohsiung", "Santa", "Fe", "Corpus", "Christi", "Finance", "for", "NY", "COCOA",
            "III", "EC", "Bank", "Santos", "Cable", "Wireless", "PLC", "<CCI>", "<BLDS ST>", "<", ">", "<Hero",
            "Lenzburg>", "E.F.", "N.Z.", "U.S.", "February", "Sept", "May", "Investor", "Mining", "Smelting",
            "Gas", "Southern", "Western", "Gulf", "des", "SDK", "Citicorp", "al-Chalabi", "el-", "bin-X")
        .list()
        .ofMinSize(0)
        .ofMaxSize(30);
  }

  @Provide
  Arbitrary<String> languages() {
    return Arbitraries.of("en", "de", "fr", "es", "it", "pt", "ru", "und");
  }

  @Property(tries = 3000)
  void everyEntityIsMadeOfWordsOfTheText(
      @ForAll("pieces") List<String> title, @ForAll("pieces") List<String> body, @ForAll("languages") String language) {
    String titleText = String.join(" ", title);
    String bodyText = String.join(" ", body);

    // when
    List<NamedEntity> entities = EXTRACTOR.extract(titleText, bodyText, language, true);

    // then
    String text = titleText + " " + bodyText;
    assertThat(entities).hasSizeLessThanOrEqualTo(25);
    for (NamedEntity entity : entities) {
      assertThat(entity.type()).isIn("PERSON", "ORGANIZATION", "LOCATION", "OTHER");
      for (String word : entity.text().split(" ")) {
        assertThat(text).as("entity %s", entity).contains(word);
      }
    }
  }
}
