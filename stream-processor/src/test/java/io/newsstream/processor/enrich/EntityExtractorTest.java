package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {

  private static final EntityExtractor EXTRACTOR = new EntityExtractor(25);

  @Test
  void shouldFindThePeopleAndOrganisationsOfTheSampleArticle() {
    // given
    ArticleInput sample = SampleArticle.input();
    TextCleaner cleaner = new TextCleaner(EnrichmentConfig.defaults());

    // when
    List<NamedEntity> entities =
        EXTRACTOR.extract(sample.title(), cleaner.cleanBody(sample.body(), "moneycontrol.com"), "en");

    // then
    assertThat(entities)
        .contains(
            new NamedEntity("Mahua Moitra", "PERSON"),
            new NamedEntity("NSO Group", "ORGANIZATION"),
            new NamedEntity("WhatsApp", "ORGANIZATION"),
            new NamedEntity("India", "LOCATION"),
            new NamedEntity("KN Govindacharya", "PERSON"),
            new NamedEntity("Supreme Court", "ORGANIZATION"));
    assertThat(entities).extracting(NamedEntity::text).doesNotContain("Moitra", "NSO", "Close");
  }

  @Test
  void shouldTakeTheNameAfterATitleAsAPerson() {
    // given
    String body = "Prime Minister Keir Starmer met Dr. Okonkwo in Lagos on Monday.";

    // when
    List<NamedEntity> entities = EXTRACTOR.extract("", body, "en");

    // then
    assertThat(entities)
        .containsExactly(
            new NamedEntity("Keir Starmer", "PERSON"),
            new NamedEntity("Okonkwo", "PERSON"),
            new NamedEntity("Lagos", "LOCATION"));
  }

  @Test
  void shouldRecogniseOrganisationsBySuffixAndPeopleBySpeechVerbs() {
    // given
    String body =
        "Acme Widgets Inc agreed to buy Foo Holdings. Rosa Delacroix said the Ministry of"
            + " Finance approved the deal.";

    // when
    List<NamedEntity> entities = EXTRACTOR.extract("", body, "en");

    // then
    assertThat(entities)
        .contains(
            new NamedEntity("Acme Widgets Inc", "ORGANIZATION"),
            new NamedEntity("Foo Holdings", "ORGANIZATION"),
            new NamedEntity("Rosa Delacroix", "PERSON"),
            new NamedEntity("Ministry of Finance", "ORGANIZATION"));
  }

  @Test
  void shouldCountSurnameMentionsTowardsTheFullNameAndRankByMentions() {
    // given
    String body =
        "Maria Lopez won the vote. Paris was calm. Lopez said she was pleased. Lopez thanked voters.";

    // when
    List<NamedEntity> entities = EXTRACTOR.extract("", body, "en");

    // then
    assertThat(entities.get(0)).isEqualTo(new NamedEntity("Maria Lopez", "PERSON"));
    assertThat(entities).extracting(NamedEntity::text).doesNotContain("Lopez");
  }

  @Test
  void shouldIgnoreSentenceStartsNationalitiesAndCapitalisedHeadlines() {
    // given
    String title = "STANDARD OIL TO FORM FINANCIAL UNIT";
    String body = "Israeli officials met. However, nothing changed. Those present left.";

    // when
    List<NamedEntity> entities = EXTRACTOR.extract(title, body, "en");

    // then
    assertThat(entities).isEmpty();
  }

  @Test
  void shouldNotRunOnGermanWhereEveryNounIsCapitalised() {
    // when / then
    assertThat(EXTRACTOR.extract("", "Die Regierung hat Angela Merkel gewählt.", "de")).isEmpty();
  }

  @Test
  void shouldKeepAtMostTheConfiguredNumberOfEntities() {
    // given
    EntityExtractor two = new EntityExtractor(2);

    // when
    List<NamedEntity> entities = two.extract("", "India, China, Japan and Brazil signed.", "en");

    // then
    assertThat(entities).hasSize(2);
  }

  @Test
  void shouldJoinNamesSplitByHardWrappedLinesAndSplitRunsAtInnerTitles() {
    // given: wire text wrapped at a fixed width
    String body =
        "The talks began with a presentation from Treasury Secretary Mario\n"
            + "Brodersohn, and officials met Bank of Japan Governor Satoshi\nSumita on Monday.";

    // when
    List<NamedEntity> entities = EXTRACTOR.extract("", body, "en");

    // then
    assertThat(entities)
        .containsExactly(
            new NamedEntity("Mario Brodersohn", "PERSON"),
            new NamedEntity("Bank of Japan", "ORGANIZATION"),
            new NamedEntity("Satoshi Sumita", "PERSON"));
  }

  @Test
  void shouldNotTakeATitleFollowingATitleForAPerson() {
    // when
    List<NamedEntity> entities =
        EXTRACTOR.extract("", "Mr Paye, Director General of the agency, spoke.", "en");

    // then
    assertThat(entities).containsExactly(new NamedEntity("Paye", "PERSON"));
  }
}
