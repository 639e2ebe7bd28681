package io.newsstream.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.enrich.ArticleInput;
import io.newsstream.processor.enrich.DefaultArticleEnricher;
import io.newsstream.processor.enrich.EnrichmentConfig;
import io.newsstream.processor.testing.Articles;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.avro.DuplicateDetected;
import io.newsstream.schemas.avro.DuplicateKind;
import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.schemas.avro.TopicScore;
import io.newsstream.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real topology with the real enricher on the corpus sample article (../shared/corpus): what
 * the walking skeleton's and issue 4's acceptance checks post, minus the HTTP hop.
 */
class DefaultEnricherTopologyTest {

  private static final Path SAMPLE = Path.of("samples", "moneycontrol-whatsapp-nso.json");

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private Topics topics;
  private TestInputTopic<String, ArticleSubmitted> raw;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, DuplicateDetected> duplicates;
  private Instant clock = Instant.parse("2026-01-01T00:00:00Z");
  private JsonNode sample;
  private DefaultArticleEnricher enricher;

  @BeforeEach
  void start() throws IOException {
    Path corpus = corpus();
    assumeThat(corpus.resolve(SAMPLE)).as("corpus sample (../shared/corpus)").exists();
    sample = new ObjectMapper().readTree(Files.readString(corpus.resolve(SAMPLE)));
    ProcessorConfig config = new ProcessorConfig();
    config.setSchemaRegistryUrl("mock://default-enricher-topology-" + UUID.randomUUID());
    config.setStateDir(stateDir);
    topics = new Topics(config.topicNames(), StreamsProperties.serdeConfig(config));
    EnrichmentConfig enrichment = EnrichmentConfig.defaults();
    enricher = new DefaultArticleEnricher(enrichment);
    driver =
        new TopologyTestDriver(
            new TopologyFactory().build(config, topics, enricher, enrichment.topicNames()),
            StreamsProperties.streams(config));
    raw = driver.createInputTopic("articles.raw", new StringSerializer(), topics.raw().valueSerde().serializer());
    enriched = driver.createOutputTopic("articles.enriched", new StringDeserializer(), topics.enriched().valueSerde().deserializer());
    duplicates =
        driver.createOutputTopic("articles.duplicates", new StringDeserializer(), topics.duplicates().valueSerde().deserializer());
  }

  /** {@code newsstream.repo.root}/../shared/corpus when set (failsafe), else relative to the module. */
  private static Path corpus() {
    String root = System.getProperty("newsstream.repo.root");
    return root != null ? Path.of(root).resolve("../shared/corpus").normalize() : Path.of("../../shared/corpus").toAbsolutePath().normalize();
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  private void send(String url, String title, String body) {
    clock = clock.plusSeconds(1);
    ArticleSubmitted article = Articles.submitted(url, title, body);
    raw.pipeInput(url, article, clock);
    driver.advanceWallClockTime(ProcessorConfig.NEAR_DUPLICATE_REORDER_WINDOW_DEFAULT.plusSeconds(1));
  }

  private String text(String field) {
    return sample.get(field).asText();
  }

  @Test
  void shouldEnrichAndRouteTheSampleArticleToEachOfItsTopicStreams() {
    // when
    send(text("url"), text("title"), text("body"));

    // then
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).hasSize(1);
    EnrichedArticle article = out.get(0);
    assertThat(article.getDomain()).isEqualTo("moneycontrol.com");
    assertThat(article.getWordCount()).isPositive();
    assertThat(article.getTopics()).isNotEmpty();
    for (TopicScore topic : article.getTopics()) {
      TestOutputTopic<String, EnrichedArticle> stream =
          driver.createOutputTopic(
              "articles.topic." + topic.getName(), new StringDeserializer(), topics.enriched().valueSerde().deserializer());
      assertThat(stream.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(article.getArticleId());
    }
  }

  @Test
  void shouldReportEachRepostOfTheSampleWithItsKind() {
    // given: the sample's text as another outlet published it
    String url = "https://www.othernews.example/india/whatsapp-nso-moitra";
    send(url, text("title"), text("body"));

    // when: re-posted with tracking parameters, syndicated under a third URL, with boilerplate added
    send(url + "?utm_source=twitter&utm_medium=social", text("title"), text("body"));
    send("https://www.third.example/tech/whatsapp-breach", text("title"), text("body"));
    String variantUrl = "https://www.fourth.example/world/whatsapp";
    String variantBody = text("body") + "\n\nRead more at Example News.";
    send(variantUrl, text("title"), variantBody);

    // then: the variant contains the whole original, so it is a near-duplicate whatever the
    // SimHash distance its appended line causes; the report gives that distance
    int distance =
        Long.bitCount(
            enricher.enrich(new ArticleInput(url, text("title"), text("body"), null)).simhash()
                ^ enricher.enrich(new ArticleInput(variantUrl, text("title"), variantBody, null)).simhash());
    assertThat(enriched.readValuesToList()).hasSize(1);
    List<DuplicateDetected> dups = duplicates.readValuesToList();
    assertThat(dups)
        .extracting(DuplicateDetected::getKind)
        .containsExactly(DuplicateKind.SAME_URL_SAME_CONTENT, DuplicateKind.SAME_CONTENT, DuplicateKind.NEAR_DUPLICATE);
    assertThat(dups.get(2).getDistance()).isEqualTo(distance);
  }

  @Test
  void shouldReportTheSamplesOwnPageUnderAnotherOutletsUrlAsTheSameContent() {
    // given: the sample from its own URL, where moneycontrol.com's rules remove its promotion
    send(text("url"), text("title"), text("body"));

    // when: the same page, promotion and all, under another outlet's URL
    send("https://www.news18.com/tech/whatsapp-nso-group-spyware-2019.html", text("title"), text("body"));

    // then: the copy names Moneycontrol, so its promotion is removed there too and the texts match
    assertThat(enriched.readValuesToList()).hasSize(1);
    assertThat(duplicates.readValuesToList())
        .extracting(DuplicateDetected::getKind)
        .containsExactly(DuplicateKind.SAME_CONTENT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "one word changed, NEAR_DUPLICATE",
    "three words changed, NEAR_DUPLICATE",
    "a credit line added, NEAR_DUPLICATE",
    "curly quotes made straight, SAME_URL_SAME_CONTENT",
    "a paragraph added, REVISION",
    "an update put first, REVISION",
    "the last paragraph removed, REVISION",
    "a year changed, REVISION",
    "a headline word changed, NEAR_DUPLICATE",
    "a new headline, REVISION",
  })
  void shouldTellALightEditOfTheSampleUnderItsUrlFromARealChange(String edit, String expected) {
    // given
    String body = text("body");
    String title = text("title");
    send(text("url"), title, body);

    // when
    String edited =
        switch (edit) {
          case "one word changed" -> body.replaceFirst("surveillance", "snooping");
          case "three words changed" ->
              body.replaceFirst("surveillance", "snooping").replaceFirst("government", "Centre").replaceFirst("said", "stated");
          case "a credit line added" -> body + "\n(With inputs from agencies)";
          case "curly quotes made straight" -> body.replace('“', '"').replace('”', '"');
          case "a paragraph added" ->
              body + "\n\nLater on Thursday, the ministry said it had asked the company for a detailed report within a week.";
          case "an update put first" ->
              "UPDATE: The ministry said on Friday that no unauthorised interception had taken place.\n" + body;
          case "the last paragraph removed" -> body.substring(0, body.lastIndexOf('\n'));
          case "a year changed" -> body.replaceFirst("2019", "2018");
          default -> body;
        };
    String editedTitle =
        switch (edit) {
          case "a headline word changed" -> title.replace("breach", "hack");
          case "a new headline" -> "Government bought spyware from NSO Group, Mahua Moitra tells reporters in Delhi";
          default -> title;
        };
    assertThat(editedTitle + edited).isNotEqualTo(title + body);
    send(text("url"), editedTitle, edited);

    // then
    List<EnrichedArticle> out = enriched.readValuesToList();
    List<DuplicateDetected> dups = duplicates.readValuesToList();
    if (expected.equals("REVISION")) {
      assertThat(out).extracting(EnrichedArticle::getRevision).containsExactly(1, 2);
      assertThat(dups).isEmpty();
    } else {
      assertThat(out).hasSize(1);
      assertThat(dups).extracting(DuplicateDetected::getKind).containsExactly(DuplicateKind.valueOf(expected));
    }
  }

  @Test
  void shouldEmitAnExtendedStoryUnderItsUrlAsRevisionTwoAfterASyndicatedCopy() {
    // given: the story, and a copy of it on another outlet
    String url = "https://www.othernews.example/india/whatsapp-nso-moitra";
    send(url, text("title"), text("body"));
    send("https://www.third.example/tech/whatsapp-breach", text("title"), text("body"));

    // when: the outlet extends its story with a new paragraph
    String extended =
        text("body")
            + "\n\nLater on Thursday, the ministry said it had asked the company for a detailed report"
            + " within a week and would decide on further steps after reading it.";
    send(url, text("title"), extended);

    // then: the copy is SAME_CONTENT, the extension revision 2 (not a near-duplicate of the copy)
    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getRevision).containsExactly(1, 2);
    assertThat(duplicates.readValuesToList()).extracting(DuplicateDetected::getKind).containsExactly(DuplicateKind.SAME_CONTENT);
  }
}
