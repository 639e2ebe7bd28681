package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.schemas.url.UrlCanonicalizer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DefaultArticleEnricherTest {

  private static final DefaultArticleEnricher ENRICHER =
      new DefaultArticleEnricher(EnrichmentConfig.defaults());

  @Test
  void shouldEnrichTheSampleArticleAsTheAcceptanceCriteriaDescribe() {
    // given
    ArticleInput input = SampleArticle.input();

    // when
    Enrichment result = ENRICHER.enrich(input);

    // then
    assertThat(result.domain()).isEqualTo("moneycontrol.com");
    assertThat(result.canonicalUrl()).isEqualTo(SampleArticle.URL);
    assertThat(result.articleId()).hasSize(32).matches("[0-9a-f]+");
    assertThat(result.language()).isEqualTo("en");
    assertThat(result.languageConfidence())
        .isGreaterThanOrEqualTo(EnrichmentConfig.LANGUAGE_THRESHOLD_DEFAULT);
    assertThat(result.body())
        .doesNotContain("Close\n")
        .doesNotContain("Moneycontrol PRO")
        .doesNotContain("Coupon")
        .endsWith("represents Krishnanagar in Parliament.");
    assertThat(result.topics()).extracting(TopicMatch::name).containsAnyOf("technology", "politics");
    assertThat(result.wordCount()).isBetween(150, 250);
    assertThat(result.readingTimeSeconds()).isEqualTo((int) Math.ceil(result.wordCount() * 60.0 / 230));
    assertThat(result.keywords()).isNotEmpty().contains("whatsapp");
    assertThat(result.contentHash()).hasSize(64);
    assertThat(result.simhash()).isNotZero();
  }

  @Test
  void shouldGiveTheSameEnrichmentForTheSameInput() {
    // given
    ArticleInput input = SampleArticle.input();

    // when
    Enrichment first = ENRICHER.enrich(input);
    Enrichment second = new DefaultArticleEnricher(EnrichmentConfig.defaults()).enrich(input);

    // then
    assertThat(second).isEqualTo(first);
  }

  @Test
  void shouldGiveEqualResultsWhenCalledFromManyThreads() throws Exception {
    // given
    Enrichment expected = ENRICHER.enrich(SampleArticle.input());
    ExecutorService pool = Executors.newFixedThreadPool(4);

    // when
    List<Future<Enrichment>> futures =
        pool.invokeAll(
            java.util.Collections.nCopies(
                32, () -> ENRICHER.enrich(SampleArticle.input())));
    pool.shutdown();

    // then
    for (Future<Enrichment> future : futures) {
      assertThat(future.get()).isEqualTo(expected);
    }
  }

  @Test
  void shouldGiveOneArticleIdToUrlsThatDifferOnlyInTrackingParameters() {
    // given
    ArticleInput plain = SampleArticle.input();
    ArticleInput tracked =
        new ArticleInput(
            SampleArticle.URL.replace("https://www.moneycontrol.com", "HTTPS://WWW.Moneycontrol.com:443")
                + "?utm_source=twitter&utm_medium=social#comments",
            SampleArticle.TITLE,
            SampleArticle.BODY,
            "en");

    // when
    Enrichment a = ENRICHER.enrich(plain);
    Enrichment b = ENRICHER.enrich(tracked);

    // then
    assertThat(b.articleId()).isEqualTo(a.articleId());
    assertThat(b.canonicalUrl()).isEqualTo(a.canonicalUrl());
    assertThat(b.contentHash()).isEqualTo(a.contentHash());
  }

  @Test
  void shouldCanonicaliseAsIngestServiceKeysArticlesSoThatTheyAreReadAtHome() {
    // given: URLs whose canonical forms differ from the submitted ones in every rule
    List<String> urls =
        List.of(
            "HTTPS://WWW.Example.COM:443/a/./b/../c?at_medium=rss;id=2&ocid=x&Z=1#top",
            "http://example.com:80",
            "https://news.example.org/path%20x?b=2&a=1&a=0&utm_source=feed&rss=1",
            "https://www.example.co.uk/story with spaces?ref_url=y");

    // then: the processor's default canonical URL is ingest-service's record key
    for (String url : urls) {
      ArticleInput input = new ArticleInput(url, SampleArticle.TITLE, SampleArticle.BODY, "en");
      assertThat(ENRICHER.enrich(input).canonicalUrl()).as(url).isEqualTo(UrlCanonicalizer.DEFAULT.canonicalize(url));
    }
  }

  @Test
  void shouldRejectAnInputWhoseUrlCannotBeParsed() {
    // given
    ArticleInput input = new ArticleInput("ht!tp://not a url", "t", "b", null);

    // when / then
    assertThatThrownBy(() -> ENRICHER.enrich(input)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldEnrichAnArticleWithoutTitleOrBodyAsEmptyText() {
    // given
    ArticleInput input = new ArticleInput("https://example.com/a", null, null, "de");

    // when
    Enrichment result = ENRICHER.enrich(input);

    // then
    assertThat(result.body()).isEmpty();
    assertThat(result.wordCount()).isZero();
    assertThat(result.language()).isEqualTo("de");
    assertThat(result.topics()).isEmpty();
    assertThat(result.simhash()).isZero();
  }

  @Test
  void shouldClassifyAGermanArticleByTheGermanTermsOfTheTaxonomy() {
    // given: "war" is German for "was", and an English term of politics
    ArticleInput input =
        new ArticleInput(
            "https://www.faz.net/aktuell/bayern-gewinnt-a1.html",
            "Bayern gewinnt Spitzenspiel gegen Dortmund",
            "Der FC Bayern München hat das Spitzenspiel der Fußball-Bundesliga gegen Borussia Dortmund mit 3:1"
                + " gewonnen. Die Mannschaft von Trainer Vincent Kompany war von Beginn an überlegen. Harry Kane"
                + " traf zweimal, der Torwart der Gäste war chancenlos. Damit baut der Rekordmeister seinen"
                + " Vorsprung in der Tabelle auf sechs Punkte aus.",
            null);

    // when
    Enrichment enrichment = new DefaultArticleEnricher().enrich(input);

    // then
    assertThat(enrichment.language()).isEqualTo("de");
    assertThat(enrichment.topics()).extracting(TopicMatch::name).containsExactly("sport");
  }

  @Test
  void shouldTrustAnUnsureDetectionOfAHeadlineWhenTheClientDeclaredThatLanguage() {
    // given: a German headline alone, which the detector finds German with little confidence
    String url = "https://www.tagesschau.de/inland/a.html";
    String title = "Die Bundesregierung plant eine Reform der Schuldenbremse";

    // when
    Enrichment declared = ENRICHER.enrich(new ArticleInput(url, title, "", "de"));
    Enrichment undeclared = ENRICHER.enrich(new ArticleInput(url, title, "", null));

    // then: read with the German terms only when the client said German ("plant" is English business)
    assertThat(declared.language()).isEqualTo("de");
    assertThat(declared.languageConfidence()).isLessThan(TopicClassifier.MIN_LANGUAGE_CONFIDENCE);
    assertThat(declared.topics()).first().extracting(TopicMatch::name).isEqualTo("politics");
    assertThat(undeclared.topics()).extracting(TopicMatch::name).doesNotContain("politics");
  }
  @Test
  void shouldTakeTheDeclaredLanguageOverADetectionThatIsNotSureOfAnother() {
    // given: a wire service's table of figures, which has too few words for the detector to be sure
    String url = "https://wire.example/earnings/1";
    String title = "ACME HOLDINGS INC 2ND QTR NET";
    String body = "Shr 41 cts vs 37 cts\nNet 2,615,000 vs 2,290,000\nRevs 48.2 mln vs 44.9 mln\nAvg shrs 6,380,000 vs 6,190,000";

    // when
    Enrichment undeclared = ENRICHER.enrich(new ArticleInput(url, title, body, null));
    Enrichment declared = ENRICHER.enrich(new ArticleInput(url, title, body, "en"));

    // then: the client's language, with confidence 0 as for a text too short to detect
    assertThat(undeclared.language()).isNotEqualTo("en");
    assertThat(undeclared.languageConfidence()).isLessThan(TopicClassifier.MIN_LANGUAGE_CONFIDENCE_LONG_TEXT);
    assertThat(declared.language()).isEqualTo("en");
    assertThat(declared.languageConfidence()).isZero();
  }

  @Test
  void shouldKeepASureDetectionOverTheDeclaredLanguage() {
    // given: a German report that a scraper declared English (its site's language)
    ArticleInput input =
        new ArticleInput(
            "https://news.example/de/1",
            "Bundestag beschließt neues Heizungsgesetz",
            "Der Bundestag hat am Freitag das umstrittene Gesetz zum Austausch alter Heizungen beschlossen."
                + " Die Opposition kritisierte die Kosten für Hausbesitzer, die Regierung verwies auf die"
                + " Förderung, die bis zu siebzig Prozent der Kosten übernehmen soll.",
            "en");

    // when
    Enrichment enrichment = ENRICHER.enrich(input);

    // then
    assertThat(enrichment.language()).isEqualTo("de");
    assertThat(enrichment.languageConfidence()).isGreaterThanOrEqualTo(TopicClassifier.MIN_LANGUAGE_CONFIDENCE_LONG_TEXT);
  }
  @Test
  void shouldWarmUpWithOneTextOfEveryLanguageTheFunctionWordGuessDecidesAndOneOnlyLinguaDecides() {
    // when
    java.util.Map<String, String> detected = new DefaultArticleEnricher().warmUp();

    // then: each text is read as the language it was written in (so its analyzer was built), and
    // the table went to Lingua, which compared it with every configured language
    assertThat(detected)
        .containsEntry("en", "en")
        .containsEntry("de", "de")
        .containsEntry("fr", "fr")
        .containsEntry("es", "es")
        .containsEntry("it", "it")
        .containsEntry("pt", "pt")
        .containsEntry("nl", "nl")
        .containsKey("table");
    assertThat(detected.get("table")).isNotIn("en", "de", "fr", "es", "it", "pt", "nl");
  }
}
