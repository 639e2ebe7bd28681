package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The word lists are long properties continued over many lines: a line that loses its closing
 * backslash ends the list there, and the lines after it become keys that nothing reads (most of
 * the not-names list was lost that way once). Each file must hold exactly the keys its reader
 * reads.
 */
class WordListResourcesTest {

  @Test
  void shouldHoldOnlyTheListsTheEntityExtractorReads() throws IOException {
    // when
    Properties gazetteer = load(EntityExtractor.GAZETTEER);

    // then
    assertThat(gazetteer.stringPropertyNames())
        .containsExactlyInAnyOrder(
            "locations", "organizations", "organization-suffixes", "person-titles", "person-titles.lower",
            "first-names", "not-names", "demonyms", "locations.de", "organizations.de", "first-names.de",
            "locations.romance", "organizations.romance", "organization-heads.romance",
            "first-names.romance", "not-names.romance", "person-titles.romance", "speech-verbs.romance");
    for (String key : gazetteer.stringPropertyNames()) {
      assertThat(gazetteer.getProperty(key)).as(key).doesNotContain(",,").doesNotEndWith(",");
    }
  }

  @Test
  void shouldHoldOnlyTheTopicOrderAndEachOrderedTopicsTerms() throws IOException {
    // when
    Properties taxonomy = load(EnrichmentConfig.DEFAULT_TAXONOMY_RESOURCE);

    // then
    Set<String> expected = new HashSet<>(Set.of("enrich.topics.order"));
    for (String topic : List.of(taxonomy.getProperty("enrich.topics.order").split(","))) {
      expected.add("enrich.topics." + topic.strip() + ".terms");
    }
    assertThat(taxonomy.stringPropertyNames()).isEqualTo(expected);
    assertThat(expected).hasSize(8);
  }

  @Test
  void shouldHoldCitiesAndCountriesWithoutTheNamesThatAreCommonWordsOrGivenNames() throws IOException {
    // when
    List<String> lines = lines(EntityExtractor.PLACES);
    List<String> places = lines.stream().filter(line -> !line.startsWith("#")).toList();

    // then: the generator's filters held (tools/gazetteer/places.js)
    assertThat(lines.get(0)).contains("GeoNames").contains("CC BY 4.0");
    assertThat(places).hasSizeGreaterThan(3_000).doesNotHaveDuplicates().isSorted();
    assertThat(places).contains("Kaohsiung", "Wolfsburg", "Corpus Christi", "Abidjan");
    assertThat(places).contains("Costa Rica", "Papua New Guinea", "Gambia", "Republic of Korea", "Macao");
    assertThat(places)
        .doesNotContain("Reading", "Nice", "Mobile", "Split", "Sale", "Orange", "Victoria", "Charlotte",
            "Florence", "Austin", "Jackson", "Batman", "Carrefour", "Jos", "Chad", "Jersey", "The Gambia",
            "Korea, Republic of", "");
    assertThat(places).allSatisfy(place -> assertThat(place).isEqualTo(place.strip()));
  }

  @Test
  void shouldHoldGivenNamesWithoutCommonWordsOrCityNames() throws IOException {
    // when
    List<String> lines = lines(EntityExtractor.GIVEN_NAMES);
    List<String> names = lines.stream().filter(line -> !line.startsWith("#")).toList();

    // then: the generator's filters held (tools/gazetteer/given-names.js)
    assertThat(lines.get(0)).contains("Moby Word II").contains("public domain");
    assertThat(names).hasSizeGreaterThan(5_000).doesNotHaveDuplicates().isSorted();
    assertThat(names).contains("Lena", "Stacy", "Mindy", "Sheryl", "Ivan");
    assertThat(names)
        .doesNotContain("Will", "Mark", "Grant", "Hope", "Chase", "Price", "Paris", "Florence", "Costa", "Eden",
            "Des", "Al", "");
    assertThat(names).allSatisfy(name -> assertThat(name).isEqualTo(name.strip()));
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = EntityExtractor.class.getResourceAsStream(resource)) {
      return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    }
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = EntityExtractor.class.getResourceAsStream(resource);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
