package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.schemas.topics.TopicNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichmentConfigTest {

  @Test
  void shouldUseDocumentedDefaultsWhenNothingIsConfigured() {
    // given / when
    EnrichmentConfig config = EnrichmentConfig.defaults();

    // then
    assertThat(config.keepWww()).isTrue();
    assertThat(config.wordsPerMinute()).isEqualTo(230);
    assertThat(config.languageThreshold()).isEqualTo(EnrichmentConfig.LANGUAGE_THRESHOLD_DEFAULT);
    assertThat(config.trackingParameters()).contains("utm_*", "fbclid", "gclid", "mc_cid", "ref_src");
    assertThat(config.furnitureLines()).contains("Close", "Advertisement", "Also read");
    assertThat(config.furnitureFor("moneycontrol.com")).isNotEmpty();
    assertThat(config.topicNames())
        .containsExactly(
            "politics", "business", "technology", "science", "health", "sport", "entertainment");
  }

  @Test
  void shouldOverrideDefaultsFromFlatProperties() {
    // given
    Map<String, String> props =
        Map.of(
            "enrich.url.keep-www", "false",
            "enrich.reading.words-per-minute", "200",
            "enrich.language.threshold", "0.3",
            "enrich.url.tracking-parameters", "utm_*, sid",
            "some.other.key", "ignored");

    // when
    EnrichmentConfig config = EnrichmentConfig.fromProperties(props);

    // then
    assertThat(config.keepWww()).isFalse();
    assertThat(config.wordsPerMinute()).isEqualTo(200);
    assertThat(config.languageThreshold()).isEqualTo(0.3);
    assertThat(config.trackingParameters()).containsExactly("utm_*", "sid");
  }

  @Test
  void shouldRejectAnUnknownEnrichmentKeyNamingIt() {
    // given
    Map<String, String> props = Map.of("enrich.reading.word-per-minute", "200");

    // when / then
    assertThatThrownBy(() -> EnrichmentConfig.fromProperties(props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enrich.reading.word-per-minute");
  }

  @Test
  void shouldRejectASectionOrOutletTermWithoutItsNameNamingTheKey() {
    for (String entry : List.of("url:", "url::2", "site:", "site::2", "site:https://variety.com", "site:variety.com/film", "site:variety .com")) {
      // given
      Map<String, String> props = Map.of("enrich.topics.film.terms", "movie:2," + entry);

      // when / then
      assertThatThrownBy(() -> EnrichmentConfig.fromProperties(props))
          .as(entry)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("enrich.topics.film.terms")
          .hasMessageContaining(entry)
          .hasMessageContaining(entry.startsWith("site:") ? "needs a domain name" : "names no section");
    }
    assertThat(EnrichmentConfig.fromProperties(Map.of("enrich.topics.film.terms", "site:Variety.com:2,site:news.bbc.co.uk,url:film")).taxonomy().get("film"))
        .containsEntry("site:variety.com", 2.0)
        .containsEntry("site:news.bbc.co.uk", 1.0)
        .containsEntry("url:film", 1.0);
  }

  @Test
  void shouldReadLanguageScopedTermsAndTellThemFromTwoLetterTermsWithAWeight() {
    // given
    Map<String, String> props = Map.of("enrich.topics.tech.terms", "ai:1.5,de:ki:2,fr:logiciel*,nl:kunstmatige intelligentie:2,de:2024:1");

    // when
    Map<String, Double> terms = EnrichmentConfig.fromProperties(props).taxonomy().get("tech");

    // then
    assertThat(terms)
        .containsEntry("ai", 1.5)
        .containsEntry("de:ki", 2.0)
        .containsEntry("fr:logiciel*", 1.0)
        .containsEntry("nl:kunstmatige intelligentie", 2.0)
        .containsEntry("de:2024", 1.0)
        .hasSize(5);
  }

  @Test
  void shouldNameTheLanguagesOfScopedTermsThatTheDetectorNeverChooses() {
    // given
    EnrichmentConfig narrowed = EnrichmentConfig.fromProperties(Map.of("enrich.language.languages", "en,de,fr"));

    // when / then: the default taxonomy has terms for nine languages
    assertThat(narrowed.unreachableTermLanguages()).containsExactlyInAnyOrder("es", "it", "pt", "nl", "zh", "ja", "ko");
    assertThat(EnrichmentConfig.defaults().unreachableTermLanguages()).isEmpty();
  }

  @Test
  void shouldRejectATermListedTwiceInOneTopicNamingTheKeyAndTheTerm() {
    // given: the second weight would silently replace the first
    Map<String, String> props = Map.of("enrich.topics.tech.terms", "software:1,Big  Data:2,big data:0.5");

    // when / then
    assertThatThrownBy(() -> EnrichmentConfig.fromProperties(props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enrich.topics.tech.terms")
        .hasMessageContaining("'big data' is listed twice (weights 2.0 and 0.5)");
    assertThatThrownBy(
            () -> EnrichmentConfig.fromProperties(Map.of("enrich.topics.tech.terms", "e-mail:1,software:1,Email:2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enrich.topics.tech.terms")
        .hasMessageContaining("'e-mail' and 'Email' are one term");
    // a word and its prefix, a word and a phrase, a term and the same term scoped to a language,
    // and the same term in two topics are distinct
    assertThat(
            EnrichmentConfig.fromProperties(
                    Map.of("enrich.topics.tech.terms", "chip:1,chip*:1,chip maker:1,de:chip:1,url:chip:1,apps:1,app:1"))
                .taxonomy()
                .get("tech"))
        .hasSize(7);
    // the same term in two topics is fine
    assertThat(
            EnrichmentConfig.fromProperties(
                    Map.of("enrich.topics.tech.terms", "software:1", "enrich.topics.business.terms", "software:0.5"))
                .taxonomy())
        .containsKeys("tech", "business");
  }

  @Test
  void shouldRejectATermWithoutALetterOrDigitNamingTheKeyAndTheTerm() {
    for (String entry : List.of("*:2", "--", "\"?\":1.5", "de:*:2", "… …")) {
      // given
      Map<String, String> props = Map.of("enrich.topics.climate.terms", "climate:2," + entry);
      String term = entry.replaceAll(":[0-9.]+$", "");

      // when / then
      assertThatThrownBy(() -> EnrichmentConfig.fromProperties(props))
          .as(entry)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("enrich.topics.climate.terms: ")
          .hasMessageContaining("'" + term + "' has no letter or digit");
    }
    assertThat(EnrichmentConfig.fromProperties(Map.of("enrich.topics.climate.terms", "co2:2,ja:温暖化,é*")).taxonomy().get("climate"))
        .containsKeys("co2", "ja:温暖化", "é*");
  }

  @Test
  void shouldRejectATermScopedToAnUnknownLanguageNamingTheKey() {
    // given
    Map<String, String> props = Map.of("enrich.topics.tech.terms", "software:1,zz:software:1");

    // when / then
    assertThatThrownBy(() -> EnrichmentConfig.fromProperties(props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enrich.topics.tech.terms")
        .hasMessageContaining("zz:software:1")
        .hasMessageContaining("not an ISO 639-1 code");
  }

  @Test
  void shouldRejectALanguageTheDetectorDoesNotKnowNamingTheKey() {
    // given
    Map<String, String> unknown = Map.of("enrich.language.languages", "en,xx");
    Map<String, String> alone = Map.of("enrich.language.languages", "en");

    // when / then
    assertThatThrownBy(() -> EnrichmentConfig.fromProperties(unknown))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("enrich.language.languages: language 'xx' is not supported")
        .hasMessageContaining("af,ar,az");
    assertThatThrownBy(() -> EnrichmentConfig.fromProperties(alone))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("enrich.language.languages must name at least two languages");
    assertThat(EnrichmentConfig.fromProperties(Map.of("enrich.language.languages", "EN,sw")).languages())
        .containsExactly("en", "sw");
  }

  @Test
  void shouldRejectAnInvalidValueNamingTheKey() {
    // given
    Map<String, String> notANumber = Map.of("enrich.reading.words-per-minute", "fast");
    Map<String, String> outOfRange = Map.of("enrich.language.threshold", "1.5");
    Map<String, String> badRegex = Map.of("enrich.furniture.domain.example.com.1", "([");

    // when / then
    assertThatThrownBy(() -> EnrichmentConfig.fromProperties(notANumber))
        .hasMessageContaining("enrich.reading.words-per-minute");
    assertThatThrownBy(() -> EnrichmentConfig.fromProperties(outOfRange))
        .hasMessageContaining("enrich.language.threshold");
    assertThatThrownBy(() -> EnrichmentConfig.fromProperties(badRegex))
        .hasMessageContaining("enrich.furniture.domain.example.com.1");
  }

  @Test
  void shouldReplaceAddAndRemoveTaxonomyTopics() {
    // given
    Map<String, String> props =
        Map.of(
            "enrich.topics.sport.terms", "cricket:2, world cup:3",
            "enrich.topics.climate.terms", "climate:2,emission*:1",
            "enrich.topics.entertainment.terms", "");

    // when
    EnrichmentConfig config = EnrichmentConfig.fromProperties(props);

    // then
    assertThat(config.topicNames()).contains("sport", "climate").doesNotContain("entertainment");
    assertThat(config.taxonomy().get("sport")).containsOnly(
        Map.entry("cricket", 2.0), Map.entry("world cup", 3.0));
    assertThat(config.taxonomy().get("climate")).containsEntry("emission*", 1.0);
  }

  @Test
  void shouldUseOnlyConfiguredTopicsWhenDefaultsAreReplaced() {
    // given
    Map<String, String> props =
        Map.of(
            "enrich.topics.replace-defaults", "true",
            "enrich.topics.markets.terms", "stocks:1");

    // when
    EnrichmentConfig config = EnrichmentConfig.fromProperties(props);

    // then
    assertThat(config.topicNames()).containsExactly("markets");
  }

  @Test
  void shouldRejectATopicNameThatCannotNameAKafkaTopic() {
    // given
    Map<String, String> props = Map.of("enrich.topics.Big Topic.terms", "x:1");

    // when / then
    assertThatThrownBy(() -> EnrichmentConfig.fromProperties(props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("enrich.topics.Big Topic.terms: ");
  }

  @Test
  void shouldRejectATopicNameTooLongForItsKafkaTopicNamingTheKey() {
    // given: articles.topic. and 235 characters make 250, one more than Kafka takes
    String longest = "a".repeat(EnrichmentConfig.MAX_TOPIC_NAME_LENGTH);
    String tooLong = longest + "a";
    Map<String, String> props = Map.of("enrich.topics." + tooLong + ".terms", "x:1");

    // when / then
    assertThatThrownBy(() -> EnrichmentConfig.fromProperties(props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("enrich.topics." + tooLong + ".terms: ")
        .hasMessageContaining("at most 234");
    assertThat(EnrichmentConfig.fromProperties(Map.of("enrich.topics." + longest + ".terms", "x:1")).topicNames())
        .contains(longest);
  }

  @Test
  void shouldAcceptExactlyTheTopicNamesWhoseStreamTheProcessorCanName() {
    // given
    TopicNames names = TopicNames.defaults();
    String longest = "a".repeat(EnrichmentConfig.MAX_TOPIC_NAME_LENGTH);

    // when / then
    assertThat(names.topicStream(longest)).hasSize(249);
    assertThatThrownBy(() -> names.topicStream(longest + "a")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRejectATopicNamedGeneralSinceItsStreamHoldsArticlesThatMatchedNoTopic() {
    // given
    Map<String, String> props = Map.of("enrich.topics.general.terms", "whatsapp:5");

    // when / then
    assertThatThrownBy(() -> EnrichmentConfig.fromProperties(props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("enrich.topics.general.terms: ")
        .hasMessageContaining("articles.topic.general is the stream of articles that matched no topic");
  }

  @Test
  void shouldReplaceDefaultFurnitureRulesOfAConfiguredDomainAndAddNewDomains() {
    // given
    Map<String, String> props =
        Map.of(
            "enrich.furniture.domain.moneycontrol.com.1", "Buy now",
            "enrich.furniture.domain.example.co.uk", "Subscribe today");

    // when
    EnrichmentConfig config = EnrichmentConfig.fromProperties(props);

    // then
    assertThat(config.furnitureFor("moneycontrol.com"))
        .extracting(java.util.regex.Pattern::pattern)
        .containsExactly("Buy now");
    assertThat(config.furnitureFor("example.co.uk"))
        .extracting(java.util.regex.Pattern::pattern)
        .containsExactly("Subscribe today");
    assertThat(config.furnitureFor("bbc.co.uk")).isEmpty();
  }

  @Test
  void shouldDocumentEverySimpleKey() {
    // given / when
    Map<String, String[]> docs = EnrichmentConfig.documentation();

    // then
    assertThat(docs).containsKeys(
        EnrichmentConfig.KEEP_WWW_CONFIG,
        EnrichmentConfig.TRACKING_PARAMETERS_CONFIG,
        EnrichmentConfig.LANGUAGE_THRESHOLD_CONFIG,
        EnrichmentConfig.WORDS_PER_MINUTE_CONFIG,
        EnrichmentConfig.TOPIC_THRESHOLD_CONFIG);
    assertThat(docs.values()).allSatisfy(d -> assertThat(d[1]).isNotBlank());
  }
}
