package io.newsstream.processor.topology;

import static io.newsstream.processor.testing.Articles.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.config.ProcessorConfig.NearDuplicateMode;
import io.newsstream.processor.dedup.ContainmentSketch;
import io.newsstream.processor.dedup.DedupSerdes;
import io.newsstream.processor.dedup.DedupState;
import io.newsstream.processor.dedup.DedupState.NearCheck;
import io.newsstream.processor.dedup.DedupState.Revision;
import io.newsstream.processor.dedup.DedupState.UrlHistory;
import io.newsstream.processor.dedup.NearDecisionProcessor;
import io.newsstream.processor.dedup.TextKeyProcessor;
import io.newsstream.processor.dedup.TextProbe;
import io.newsstream.processor.dedup.UrlDedupProcessor;
import io.newsstream.processor.testing.FakeEnricher;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.avro.DeadLetter;
import io.newsstream.schemas.avro.DuplicateDetected;
import io.newsstream.schemas.avro.DuplicateKind;
import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.schemas.topics.TopicNames;
import io.newsstream.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Drives the real topology (RocksDB stores, registry serdes on an in-memory registry). */
class TopologyTest {

  private static final List<String> TAXONOMY =
      List.of("politics", "business", "technology", "science", "health", "sport", "entertainment");

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private Topics topics;
  private TestInputTopic<String, ArticleSubmitted> raw;
  private TestInputTopic<byte[], byte[]> rawBytes;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, DuplicateDetected> duplicates;
  private TestOutputTopic<byte[], DeadLetter> deadLetters;
  private Instant clock = Instant.parse("2026-01-01T00:00:00Z");

  private void start(ProcessorConfig config) {
    config.setSchemaRegistryUrl("mock://topology-test-" + UUID.randomUUID());
    config.setStateDir(stateDir);
    topics = new Topics(TopicNames.defaults(), StreamsProperties.serdeConfig(config));
    Properties props = StreamsProperties.streams(config);
    driver = new TopologyTestDriver(new TopologyFactory().build(config, topics, new FakeEnricher(), TAXONOMY), props);
    raw = driver.createInputTopic("articles.raw", new StringSerializer(), topics.raw().valueSerde().serializer());
    rawBytes = driver.createInputTopic("articles.raw", new ByteArraySerializer(), new ByteArraySerializer());
    enriched = driver.createOutputTopic("articles.enriched", new StringDeserializer(), topics.enriched().valueSerde().deserializer());
    duplicates = driver.createOutputTopic("articles.duplicates", new StringDeserializer(), topics.duplicates().valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            "articles.dlq", new org.apache.kafka.common.serialization.ByteArrayDeserializer(), topics.deadLetter().valueSerde().deserializer());
  }

  private void start() {
    start(new ProcessorConfig());
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  private void send(ArticleSubmitted article) {
    clock = clock.plusSeconds(1);
    pipe(article, clock);
  }

  /** Pipes the article, then lets the text-key step's reorder window pass. */
  private void pipe(ArticleSubmitted article, Instant timestamp) {
    raw.pipeInput(article.getUrl(), article, timestamp);
    driver.advanceWallClockTime(ProcessorConfig.NEAR_DUPLICATE_REORDER_WINDOW_DEFAULT.plusSeconds(1));
  }

  private TestOutputTopic<String, EnrichedArticle> topicStream(String topic) {
    return driver.createOutputTopic("articles.topic." + topic, new StringDeserializer(), topics.enriched().valueSerde().deserializer());
  }

  @Test
  void shouldRouteArticleToEveryMatchedTopic() {
    // given
    start();

    // when
    send(submitted("https://example.com/a", "Chips and votes", "Chip export rules #technology #politics"));

    // then
    List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();
    assertThat(out).hasSize(1);
    EnrichedArticle article = out.get(0).value;
    assertThat(out.get(0).key).isEqualTo(article.getArticleId());
    assertThat(article.getRevision()).isEqualTo(1);
    assertThat(article.getCanonicalUrl()).isEqualTo("https://example.com/a");
    assertThat(article.getSubmittedBy()).isEqualTo("test-client");
    assertThat(topicStream("technology").readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(article.getArticleId());
    assertThat(topicStream("politics").readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(article.getArticleId());
    assertThat(topicStream("business").isEmpty()).isTrue();
    assertThat(topicStream("general").isEmpty()).isTrue();
    assertThat(duplicates.isEmpty()).isTrue();
  }

  @Test
  void shouldRouteArticleThatMatchedNoTopicToGeneral() {
    // given
    start();

    // when
    send(submitted("https://example.com/b", "Weather", "Rain tomorrow #unknowntopic"));

    // then
    assertThat(enriched.readValuesToList()).hasSize(1);
    assertThat(topicStream("general").readValuesToList()).extracting(EnrichedArticle::getTitle).containsExactly("Weather");
    for (String topic : TAXONOMY) {
      assertThat(topicStream(topic).isEmpty()).as(topic).isTrue();
    }
  }

  /** A URL of example.com whose canonical form is (or is not) at home in partition 0 of 4. */
  private static String urlHomeAtZero(boolean atZero) {
    for (int i = 0; ; i++) {
      String url = "https://example.com/home-" + i;
      if ((TextProbe.partitionOf(url, 4) == 0) == atZero) {
        return url;
      }
    }
  }

  @Test
  void shouldSendOnlyAnArticleReadAwayFromItsHomePartitionThroughTheHomeTopic() {
    // given: the test driver runs every task as partition 0 of topics with 4 partitions
    ProcessorConfig config = new ProcessorConfig();
    config.setTopicPartitions(4);
    start(config);
    String homeTopic = config.getApplicationId() + "-" + TopologyFactory.REPARTITION_HOME + "-repartition";

    // when
    send(submitted(urlHomeAtZero(true), "At home", "Read where it belongs #science"));

    // then
    assertThat(driver.producedTopicNames()).doesNotContain(homeTopic).contains("articles.enriched");

    // when
    send(submitted(urlHomeAtZero(false), "Away", "Read elsewhere #science"));

    // then: it went home first, and both came out once
    assertThat(driver.producedTopicNames()).contains(homeTopic);
    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getTitle).containsExactly("At home", "Away");
  }

  @Test
  void shouldDropSameEventAsSameEvent() {
    // given
    start();
    ArticleSubmitted article = submitted("event-1", "https://example.com/c", "Title", "Body #science");
    send(article);

    // when
    send(article);

    // then
    assertThat(enriched.readValuesToList()).hasSize(1);
    List<KeyValue<String, DuplicateDetected>> dups = duplicates.readKeyValuesToList();
    assertThat(dups).hasSize(1);
    assertThat(dups.get(0).value.getKind()).isEqualTo(DuplicateKind.SAME_EVENT);
    assertThat(dups.get(0).value.getEventId()).isEqualTo("event-1");
    assertThat(dups.get(0).key).isEqualTo(dups.get(0).value.getArticleId());
  }

  @Test
  void shouldDropTheSameEventUnderAnotherUrlAsSameEventOfTheFirst() {
    // given: two URLs with different home partitions
    ProcessorConfig config = new ProcessorConfig();
    config.setTopicPartitions(4);
    start(config);
    send(submitted("event-2", urlHomeAtZero(true), "Budget passes", "The senate passed the budget #politics"));
    EnrichedArticle first = enriched.readValue();

    // when: the event id again, with another URL and another text
    send(submitted("event-2", urlHomeAtZero(false), "Storm warning", "Heavy rain expected on the coast #science"));

    // then
    assertThat(enriched.isEmpty()).isTrue();
    DuplicateDetected dup = duplicates.readValue();
    assertThat(dup.getKind()).isEqualTo(DuplicateKind.SAME_EVENT);
    assertThat(dup.getDuplicateOf()).isEqualTo(first.getArticleId());
    assertThat(dup.getEventId()).isEqualTo("event-2");
    assertThat(duplicates.isEmpty()).isTrue();
  }

  @Test
  void shouldDropSameUrlAndContentAsSameUrlSameContent() {
    // given
    start();
    send(submitted("https://example.com/d", "Title", "Body #health"));

    // when: the same article re-posted under a URL with tracking parameters
    send(submitted("https://example.com/d?utm_source=feed", "Title", "Body #health"));

    // then
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).hasSize(1);
    DuplicateDetected dup = duplicates.readValue();
    assertThat(dup.getKind()).isEqualTo(DuplicateKind.SAME_URL_SAME_CONTENT);
    assertThat(dup.getDuplicateOf()).isEqualTo(out.get(0).getArticleId());
    assertThat(dup.getDuplicateOfEventId()).isEqualTo(out.get(0).getEventId());
    assertThat(duplicates.isEmpty()).isTrue();
  }

  @Test
  void shouldEmitRevisionTwoWhenContentChangesUnderSameUrl() {
    // given
    start();
    send(submitted("https://example.com/e", "Title", "First version [simhash:0]"));

    // when
    send(submitted("https://example.com/e", "Title", "Corrected version [simhash:ffff0000ffff0000]"));

    // then
    List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();
    assertThat(out).extracting(kv -> kv.value.getRevision()).containsExactly(1, 2);
    assertThat(out.get(0).key).isEqualTo(out.get(1).key);
    assertThat(topicStream("general").readValuesToList()).extracting(EnrichedArticle::getRevision).containsExactly(1, 2);
    assertThat(duplicates.isEmpty()).isTrue();
  }

  @Test
  void shouldDropSameContentUnderAnotherUrlAsSameContent() {
    // given
    start();
    send(submitted("https://outlet-one.com/story", "Wire story", "Syndicated text #business"));

    // when
    send(submitted("https://outlet-two.com/news/1", "Wire story", "Syndicated text #business"));

    // then
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).hasSize(1);
    DuplicateDetected dup = duplicates.readValue();
    assertThat(dup.getKind()).isEqualTo(DuplicateKind.SAME_CONTENT);
    assertThat(dup.getDuplicateOf()).isEqualTo(out.get(0).getArticleId());
    assertThat(dup.getCanonicalUrl()).isEqualTo("https://outlet-two.com/news/1");
    assertThat(topicStream("business").readValuesToList()).hasSize(1);
  }

  @Test
  void shouldDropNearDuplicateUnderAnotherUrlWithItsDistance() {
    // given
    start();
    send(submitted("https://outlet-one.com/x", "Story", "Text one [simhash:f0f0f0f0f0f0f0f0]"));

    // when: three bits differ, spread over three of the four blocks
    send(submitted("https://outlet-two.com/y", "Story!", "Text two [simhash:f0f1f0f0f0f1f0f1]"));

    // then
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).extracting(EnrichedArticle::getCanonicalUrl).containsExactly("https://outlet-one.com/x");
    DuplicateDetected dup = duplicates.readValue();
    assertThat(dup.getKind()).isEqualTo(DuplicateKind.NEAR_DUPLICATE);
    assertThat(dup.getDistance()).isEqualTo(3);
    assertThat(dup.getDuplicateOf()).isEqualTo(out.get(0).getArticleId());
  }

  @Test
  void shouldKeepNeitherTheParkedArticleNorItsPendingVerdictsNorItsHeldProbesOnceDecided() {
    // given
    start();

    // when: an original, its copy and a near copy, each decided (the reorder window passes)
    send(submitted("https://outlet-one.com/x", "Story", "Text one [simhash:f0f0f0f0f0f0f0f0]"));
    send(submitted("https://outlet-two.com/y", "Story", "Text one [simhash:f0f0f0f0f0f0f0f0]"));
    send(submitted("https://outlet-three.com/z", "Story!", "Text two [simhash:f0f1f0f0f0f1f0f1]"));

    // then: one emitted, two dropped, and nothing of the three left waiting at home or held
    assertThat(enriched.readValuesToList()).hasSize(1);
    assertThat(duplicates.readValuesToList()).extracting(DuplicateDetected::getKind)
        .containsExactly(DuplicateKind.SAME_CONTENT, DuplicateKind.NEAR_DUPLICATE);
    assertEmpty(NearDecisionProcessor.STORE);
    assertEmpty(NearDecisionProcessor.ARTICLE_STORE);
    assertEmpty(TextKeyProcessor.HOLD_STORE);
  }

  private void assertEmpty(String keyValueStore) {
    KeyValueStore<String, Object> store = driver.getKeyValueStore(keyValueStore);
    try (KeyValueIterator<String, Object> all = store.all()) {
      assertThat(all.hasNext()).as(keyValueStore).isFalse();
    }
  }

  @Test
  void shouldIgnoreAVerdictRepeatedAfterItsArticleWasDecided() {
    // given: an article decided and emitted
    start();
    send(submitted("https://outlet-one.com/x", "Story", "Text one [simhash:f0f0f0f0f0f0f0f0]"));
    EnrichedArticle decided = enriched.readValue();

    // when: a text-key partition's verdict on it arrives again (probes processed twice)
    TestInputTopic<String, NearCheck> verdicts =
        driver.createInputTopic(
            new ProcessorConfig().getApplicationId() + "-" + TopologyFactory.REPARTITION_VERDICTS + "-repartition",
            new StringSerializer(),
            DedupSerdes.nearCheck().serializer());
    TextProbe probe =
        new TextProbe(
            decided.getArticleId(), decided.getEventId(), decided.getSimhash(), DedupState.UNKNOWN_TIME, decided.getContentHash(), 0,
            ContainmentSketch.EMPTY, false, true, 0);
    verdicts.pipeInput("0", NearCheck.verdict(probe, 0));
    driver.advanceWallClockTime(Duration.ofSeconds(10));

    // then: nothing emitted or reported again, and nothing left waiting for the other verdicts
    assertThat(enriched.isEmpty()).isTrue();
    assertThat(duplicates.isEmpty()).isTrue();
    assertEmpty(NearDecisionProcessor.STORE);
  }

  @ParameterizedTest
  @CsvSource({"true, 0", "false, 0", "true, 1", "true, 2", "true, 7"})
  void shouldFindEveryKindOfDuplicateWithOrWithoutTheKeyFiltersAndWithAnyTextKeyPartitions(boolean keyFilter, int textKeyPartitions) {
    // given: the stores' key filters on (the default) or off; the text-key step with as many
    // partitions as the topics (0), or fewer, or more
    ProcessorConfig config = new ProcessorConfig();
    config.setDedupKeyFilter(keyFilter);
    config.setTextKeyPartitions(textKeyPartitions);
    start(config);
    assertThat(TopologyFactory.textPartitions(config)).isEqualTo(textKeyPartitions == 0 ? config.getTopicPartitions() : textKeyPartitions);
    ArticleSubmitted original = submitted("event-k1", "https://outlet-one.com/k", "Story", "Text one [simhash:f0f0f0f0f0f0f0f0]");
    send(original);
    EnrichedArticle first = enriched.readValue();

    // when: a retry, a re-post, a syndicated copy and a near copy
    send(original);
    send(submitted("https://outlet-one.com/k?utm_medium=rss", "Story", "Text one [simhash:f0f0f0f0f0f0f0f0]"));
    send(submitted("https://outlet-two.com/k", "Story", "Text one [simhash:f0f0f0f0f0f0f0f0]"));
    send(submitted("https://outlet-three.com/k", "Story!", "Text two [simhash:f0f1f0f0f0f1f0f1]"));

    // then
    assertThat(enriched.isEmpty()).isTrue();
    List<DuplicateDetected> dups = duplicates.readValuesToList();
    assertThat(dups)
        .extracting(DuplicateDetected::getKind)
        .containsExactly(
            DuplicateKind.SAME_EVENT, DuplicateKind.SAME_URL_SAME_CONTENT, DuplicateKind.SAME_CONTENT, DuplicateKind.NEAR_DUPLICATE);
    assertThat(dups).extracting(DuplicateDetected::getDuplicateOf).containsOnly(first.getArticleId());
  }

  @Test
  void shouldCheckAnOriginalReadWithinTheReorderWindowAfterItsCopyFirst() {
    // given: a copy with a later timestamp is read first, its original a moment later
    start();
    Instant original = clock;
    ArticleSubmitted copy = submitted("https://other.example/copy", "Wire story", "Identical text #science");
    ArticleSubmitted first = submitted("https://example.com/original", "Wire story", "Identical text #science");
    raw.pipeInput(copy.getUrl(), copy, original.plusSeconds(60));
    raw.pipeInput(first.getUrl(), first, original);
    assertThat(enriched.isEmpty()).as("held for the reorder window").isTrue();

    // when: the window passes
    driver.advanceWallClockTime(ProcessorConfig.NEAR_DUPLICATE_REORDER_WINDOW_DEFAULT.plusSeconds(1));

    // then: the original is emitted and the copy names it
    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getEventId).containsExactly(first.getEventId());
    DuplicateDetected dup = duplicates.readValue();
    assertThat(dup.getKind()).isEqualTo(DuplicateKind.SAME_CONTENT);
    assertThat(dup.getEventId()).isEqualTo(copy.getEventId());
    assertThat(duplicates.isEmpty()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "Wire story, Identical text #science, Wire story, Identical text #science, SAME_CONTENT",
    "Copy, Text two [simhash:f0f1f0f0f0f1f0f1], Original, Text one [simhash:f0f0f0f0f0f0f0f0], NEAR_DUPLICATE"
  })
  void shouldDropAnOriginalCheckedAfterItsEmittedCopyAsADuplicateOfTheCopy(
      String copyTitle, String copyBody, String originalTitle, String originalBody, DuplicateKind kind) {
    // given: a copy with a later timestamp reaches the dedup steps first, after the reorder window
    start();
    Instant original = clock;
    ArticleSubmitted copy = submitted("https://other.example/copy", copyTitle, copyBody);
    pipe(copy, original.plusSeconds(60));
    EnrichedArticle emitted = enriched.readValue();

    // when: the original, timestamped earlier, comes next
    ArticleSubmitted first = submitted("https://example.com/original", originalTitle, originalBody);
    pipe(first, original);

    // then: one of the two is on the output, and the other names it
    assertThat(enriched.isEmpty()).isTrue();
    DuplicateDetected dup = duplicates.readValue();
    assertThat(dup.getKind()).isEqualTo(kind);
    assertThat(dup.getEventId()).isEqualTo(first.getEventId());
    assertThat(dup.getDuplicateOf()).isEqualTo(emitted.getArticleId());
  }

  @ParameterizedTest
  @CsvSource({
    "https://outlet-two.com/y, the same URL again",
    "https://outlet-three.com/z, a third URL"
  })
  void shouldNameTheEmittedOriginalWhenTheTextOfADroppedCopyComesAgain(String url, String where) {
    // given: an original, and a near copy of it under another URL, dropped
    start();
    send(submitted("https://outlet-one.com/x", "Story", "Text one [simhash:f0f0f0f0f0f0f0f0]"));
    EnrichedArticle original = enriched.readValue();
    ArticleSubmitted copy = submitted("https://outlet-two.com/y", "Story!", "Text two [simhash:f0f1f0f0f0f1f0f1]");
    send(copy);
    assertThat(duplicates.readValue().getDuplicateOf()).isEqualTo(original.getArticleId());

    // when: the copy's text is posted again, as a new event
    ArticleSubmitted again = submitted(url, "Story!", "Text two [simhash:f0f1f0f0f0f1f0f1]");
    send(again);

    // then: it names the article on the output, as the copy did, not the copy that never got there
    assertThat(enriched.isEmpty()).isTrue();
    DuplicateDetected dup = duplicates.readValue();
    assertThat(dup.getEventId()).as(where).isEqualTo(again.getEventId());
    assertThat(dup.getKind()).as(where).isEqualTo(DuplicateKind.NEAR_DUPLICATE);
    assertThat(dup.getDistance()).as(where).isEqualTo(3);
    assertThat(dup.getDuplicateOf()).as(where).isEqualTo(original.getArticleId());
    assertThat(dup.getDuplicateOfEventId()).as(where).isEqualTo(original.getEventId());
    assertThat(duplicates.isEmpty()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"DROP", "FLAG"})
  void shouldNameTheEarlierOriginalWhenTheSameTextAsACopyNotYetDecidedIsChecked(NearDuplicateMode mode) {
    // given: an original
    ProcessorConfig config = new ProcessorConfig();
    config.setNearDuplicateMode(mode);
    start(config);
    send(submitted("https://outlet-one.com/x", "Story", "Text one [simhash:f0f0f0f0f0f0f0f0]"));
    EnrichedArticle original = enriched.readValue();

    // when: two outlets' identical near copies of it arrive together and are checked in one go,
    // the second before the decision on the first is known (a burst of a wire story)
    ArticleSubmitted first = submitted("https://outlet-two.com/y", "Story!", "Text two [simhash:f0f1f0f0f0f1f0f1]");
    ArticleSubmitted second = submitted("https://outlet-three.com/z", "Story!", "Text two [simhash:f0f1f0f0f0f1f0f1]");
    clock = clock.plusSeconds(1);
    raw.pipeInput(first.getUrl(), first, clock);
    clock = clock.plusSeconds(1);
    raw.pipeInput(second.getUrl(), second, clock);
    driver.advanceWallClockTime(ProcessorConfig.NEAR_DUPLICATE_REORDER_WINDOW_DEFAULT.plusSeconds(1));

    List<DuplicateDetected> dups = duplicates.readValuesToList();
    if (mode == NearDuplicateMode.DROP) {
      // then: both name the original, which consumers have, rather than the second naming the first
      assertThat(enriched.isEmpty()).isTrue();
      assertThat(dups).extracting(DuplicateDetected::getEventId).containsExactlyInAnyOrder(first.getEventId(), second.getEventId());
      assertThat(dups).extracting(DuplicateDetected::getDuplicateOf).containsOnly(original.getArticleId());
      assertThat(dups).extracting(DuplicateDetected::getKind).containsOnly(DuplicateKind.NEAR_DUPLICATE);
      assertThat(dups).extracting(DuplicateDetected::getDistance).containsOnly(3);
    } else {
      // then: a near copy is emitted (flagged), so the first is, and the same text again is dropped as its copy
      assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getEventId).containsExactly(first.getEventId());
      assertThat(dups)
          .extracting(DuplicateDetected::getEventId, DuplicateDetected::getKind, DuplicateDetected::getDuplicateOfEventId)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(first.getEventId(), DuplicateKind.NEAR_DUPLICATE, original.getEventId()),
              org.assertj.core.groups.Tuple.tuple(second.getEventId(), DuplicateKind.SAME_CONTENT, first.getEventId()));
    }
  }

  @Test
  void shouldNumberTheNextRevisionWithoutAGapWhenAChangeIsDroppedAsSameContent() {
    // given: revision 1 of a URL, and a wire story under another URL
    start();
    send(submitted("https://example.com/g", "Title", "First version [simhash:0]"));
    send(submitted("https://wire.example/story", "Title", "Wire text [simhash:ffff0000ffff0000]"));
    assertThat(enriched.readValuesToList()).hasSize(2);

    // when: the URL's content changes to the wire story (dropped), then changes again
    send(submitted("https://example.com/g", "Title", "Wire text [simhash:ffff0000ffff0000]"));
    assertThat(duplicates.readValue().getKind()).isEqualTo(DuplicateKind.SAME_CONTENT);
    send(submitted("https://example.com/g", "Title", "Third version [simhash:00ff00ff00ff00ff]"));

    // then: the change consumers get is revision 2, the first after the one they have
    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getRevision).containsExactly(2);
    assertThat(duplicates.isEmpty()).isTrue();
  }

  @Test
  void shouldEmitTheRevisionsOfAUrlInTheirOrderWhenALaterOneIsCheckedFirst() {
    // given: two versions of a URL read within the reorder window, the second with the earlier
    // timestamp, so that the text-key step checks it first
    start();
    ArticleSubmitted first = submitted("https://example.com/h", "Title", "First version [simhash:0]");
    ArticleSubmitted second = submitted("https://example.com/h", "Title", "Second version [simhash:ffff0000ffff0000]");
    raw.pipeInput(first.getUrl(), first, clock.plusSeconds(60));
    raw.pipeInput(second.getUrl(), second, clock);

    // when
    driver.advanceWallClockTime(ProcessorConfig.NEAR_DUPLICATE_REORDER_WINDOW_DEFAULT.plusSeconds(1));

    // then: consumers, which keep the last version they read, end with the second
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).extracting(EnrichedArticle::getEventId).containsExactly(first.getEventId(), second.getEventId());
    assertThat(out).extracting(EnrichedArticle::getRevision).containsExactly(1, 2);
    assertThat(duplicates.isEmpty()).isTrue();
    assertEmpty(NearDecisionProcessor.HELD_STORE);
    assertEmpty(NearDecisionProcessor.STORE);
    assertEmpty(NearDecisionProcessor.ARTICLE_STORE);
  }

  @ParameterizedTest(name = "the second checked {0}")
  @CsvSource({"first, -60", "second, 60"})
  void shouldNumberRevisionsWithoutAGapWhenEarlierOnesStillPendingAreDropped(String checked, long secondAfterFirst) {
    // given: a wire story under another URL
    start();
    send(submitted("https://wire.example/story", "Title", "Wire text [simhash:ffff0000ffff0000]"));
    enriched.readValuesToList();
    // two versions of a new URL read within the reorder window: the first is the wire story,
    // the second a text of its own, checked before or after the first (by its timestamp)
    ArticleSubmitted copy = submitted("https://example.com/i", "Title", "Wire text [simhash:ffff0000ffff0000]");
    ArticleSubmitted own = submitted("https://example.com/i", "Title", "Own text [simhash:00ff00ff00ff00ff]");
    clock = clock.plusSeconds(100);
    raw.pipeInput(copy.getUrl(), copy, clock);
    raw.pipeInput(own.getUrl(), own, clock.plusSeconds(secondAfterFirst));

    // when
    driver.advanceWallClockTime(ProcessorConfig.NEAR_DUPLICATE_REORDER_WINDOW_DEFAULT.plusSeconds(1));

    // then: the copy is dropped and the URL's first version consumers get is revision 1
    assertThat(duplicates.readValuesToList())
        .extracting(DuplicateDetected::getEventId, DuplicateDetected::getKind)
        .containsExactly(tuple(copy.getEventId(), DuplicateKind.SAME_CONTENT));
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).extracting(EnrichedArticle::getEventId).containsExactly(own.getEventId());
    assertThat(out).extracting(EnrichedArticle::getRevision).containsExactly(1);

    // and the next change is revision 2
    send(submitted("https://example.com/i", "Title", "Third text [simhash:0f0f0f0f0f0f0f0f]"));
    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getRevision).containsExactly(2);
  }

  @Test
  void shouldKeepArticlesFartherApartThanTheNearDuplicateDistance() {
    // given
    start();
    send(submitted("https://outlet-one.com/x", "Story", "Text one [simhash:f0f0f0f0f0f0f0f0]"));

    // when: four bits differ
    send(submitted("https://outlet-two.com/y", "Story!", "Text two [simhash:f1f1f0f0f0f1f0f1]"));

    // then
    assertThat(enriched.readValuesToList()).hasSize(2);
    assertThat(duplicates.isEmpty()).isTrue();
  }

  @Test
  void shouldDropLightEditUnderSameUrlAsNearDuplicate() {
    // given
    start();
    send(submitted("https://example.com/f", "Title", "Original [simhash:abcd]"));

    // when: three words more, one other (the marker), no number
    send(submitted("https://example.com/f", "Title", "Original, lightly edited [simhash:abcf]"));

    // then: reported with the SimHash distance
    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getRevision).containsExactly(1);
    DuplicateDetected dup = duplicates.readValue();
    assertThat(dup.getKind()).isEqualTo(DuplicateKind.NEAR_DUPLICATE);
    assertThat(dup.getDistance()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({
    "'The council met on Monday, the 3rd, and agreed the plan. The mayor said she had worked for it since the spring.', 5",
    "'The council met on Monday, the 4th, and agreed the plan.', 5",
    "'The council met on Monday, the 3rd, and agreed a plan.', 0",
  })
  void shouldEmitAChangeOfMoreWordsThanALightEditOrOfANumberAsTheNextRevisionWhateverItsSimHash(String changed, int maxWords) {
    // given: the same SimHash in both versions, as a long text's can be after a real change
    ProcessorConfig config = new ProcessorConfig();
    config.setLightEditMaxWords(maxWords);
    start(config);
    send(submitted("https://example.com/h", "Title", "The council met on Monday, the 3rd, and agreed the plan. [simhash:abcd]"));

    // when: a sentence added (11 words), the date changed, or one word changed where no change is light
    send(submitted("https://example.com/h", "Title", changed + " [simhash:abcd]"));

    // then
    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getRevision).containsExactly(1, 2);
    assertThat(duplicates.isEmpty()).isTrue();
  }

  @Test
  void shouldMeasureLightEditsAgainstTheLatestRevisionEmittedSoThatTheyAddUp() {
    // given
    start();
    send(submitted("https://example.com/drift", "Title", "The council agreed the plan for the new bridge [simhash:abcd]"));

    // when: three words changed, then three more on top (six from what consumers have)
    send(submitted("https://example.com/drift", "Title", "The board agreed a plan for the old bridge [simhash:abcd]"));
    send(submitted("https://example.com/drift", "Title", "The board backed a scheme for an old road [simhash:abcd]"));

    // then
    assertThat(duplicates.readValuesToList()).extracting(DuplicateDetected::getKind).containsExactly(DuplicateKind.NEAR_DUPLICATE);
    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getRevision).containsExactly(1, 2);
  }

  @Test
  void shouldCompareARevisionStoredWithoutAWordProfileByItsSimHash() {
    // given: the URL's revision 1 as a processor stored it before word profiles
    start();
    send(submitted("https://example.com/old", "Title", "Unrelated text [simhash:0]"));
    EnrichedArticle before = enriched.readValue();
    WindowStore<String, UrlHistory> store = driver.getWindowStore(UrlDedupProcessor.STORE);
    long ts = clock.toEpochMilli();
    store.put(
        before.getArticleId(),
        UrlHistory.first(new Revision(1, "hash-of-an-earlier-text", 0xf0L, before.getEventId())),
        ts);

    // when: one word changed, 8 bits from it; then another word, 1 bit from that
    send(submitted("https://example.com/old", "Title", "Unrelated texts [simhash:f]"));
    send(submitted("https://example.com/old", "Title", "Related texts [simhash:e]"));

    // then: the first is a revision by the SimHash rule, the second a light edit by its words
    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getRevision).containsExactly(2);
    assertThat(duplicates.readValuesToList()).extracting(DuplicateDetected::getKind).containsExactly(DuplicateKind.NEAR_DUPLICATE);
  }

  @Test
  void shouldEmitCorrectionUnderSameUrlAsNextRevisionThoughOnlyLightlyEdited() {
    // given
    start();
    send(submitted("https://example.com/f", "Bank sells units", "Sale agreed on Monday [simhash:1234]"));

    // when
    send(submitted("https://example.com/f", "CORRECTED - Bank sells units", "Sale agreed on Tuesday [simhash:1235]"));

    // then
    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getRevision).containsExactly(1, 2);
    assertThat(duplicates.isEmpty()).isTrue();
  }

  @Test
  void shouldEmitCorrectionUnderAnotherUrlUnlessItIsTheSameContent() {
    // given
    start();
    send(submitted("https://outlet-one.com/x", "Story", "Text one [simhash:f0f0f0f0f0f0f0f0]"));

    // when: a near copy that announces a correction, then an exact copy of the correction
    send(submitted("https://outlet-two.com/y", "Correction: Story", "Text two [simhash:f0f1f0f0f0f0f0f0]"));
    send(submitted("https://outlet-three.com/z", "Correction: Story", "Text two [simhash:f0f1f0f0f0f0f0f0]"));

    // then
    assertThat(enriched.readValuesToList())
        .extracting(EnrichedArticle::getCanonicalUrl)
        .containsExactly("https://outlet-one.com/x", "https://outlet-two.com/y");
    DuplicateDetected dup = duplicates.readValue();
    assertThat(dup.getKind()).isEqualTo(DuplicateKind.SAME_CONTENT);
    assertThat(dup.getCanonicalUrl()).isEqualTo("https://outlet-three.com/z");
    assertThat(duplicates.isEmpty()).isTrue();
  }

  @Test
  void shouldDropANearCopyOfACorrectionAsADuplicateOfTheCorrection() {
    // given
    start();
    send(submitted("https://outlet-one.com/x", "Story", "Text one [simhash:f0f0f0f0f0f0f0f0]"));
    send(submitted("https://outlet-two.com/y", "CORRECTED - Story", "Text two [simhash:f0f1f0f0f0f0f0f0]"));

    // when: another outlet's copy of the correction, 3 bits from it and 4 from the original
    send(submitted("https://outlet-three.com/z", "Story, corrected", "Text three [simhash:f0f1f1f0f0f1f0f1]"));

    // then
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).extracting(EnrichedArticle::getCanonicalUrl).containsExactly("https://outlet-one.com/x", "https://outlet-two.com/y");
    DuplicateDetected dup = duplicates.readValue();
    assertThat(dup.getKind()).isEqualTo(DuplicateKind.NEAR_DUPLICATE);
    assertThat(dup.getCanonicalUrl()).isEqualTo("https://outlet-three.com/z");
    assertThat(dup.getDistance()).isEqualTo(3);
    assertThat(dup.getDuplicateOf()).isEqualTo(out.get(1).getArticleId());
  }

  @Test
  void shouldEmitAndReportNearDuplicateInFlagMode() {
    // given
    ProcessorConfig config = new ProcessorConfig();
    config.setNearDuplicateMode(NearDuplicateMode.FLAG);
    start(config);
    send(submitted("https://outlet-one.com/x", "Story", "Text one [simhash:abcdef]"));

    // when
    send(submitted("https://outlet-two.com/y", "Story", "Text two [simhash:abcdee]"));

    // then
    assertThat(enriched.readValuesToList()).hasSize(2);
    assertThat(duplicates.readValuesToList()).extracting(DuplicateDetected::getKind).containsExactly(DuplicateKind.NEAR_DUPLICATE);
  }

  @Test
  void shouldDeadLetterGarbageWithCoordinatesAndProcessTheNextRecord() {
    // given
    start();
    byte[] key = "https://example.com/garbage".getBytes(StandardCharsets.UTF_8);
    byte[] garbage = {0x7b, 0x22, 0x6e, 0x6f, 0x74, 0x20, 0x61, 0x76, 0x72, 0x6f};

    // when
    rawBytes.pipeInput(key, garbage, clock);
    send(submitted("https://example.com/after", "After", "Still processed"));

    // then
    List<KeyValue<byte[], DeadLetter>> dead = deadLetters.readKeyValuesToList();
    assertThat(dead).hasSize(1);
    DeadLetter letter = dead.get(0).value;
    assertThat(dead.get(0).key).isEqualTo(key);
    assertThat(letter.getSourceTopic()).isEqualTo("articles.raw");
    assertThat(letter.getPartition()).isEqualTo(0);
    assertThat(letter.getOffset()).isEqualTo(0L);
    assertThat(letter.getStage()).isEqualTo("decode");
    assertThat(letter.getErrorType()).isEqualTo("org.apache.kafka.common.errors.SerializationException");
    assertThat(letter.getErrorMessage()).contains("magic byte");
    assertThat(bytes(letter.getValue())).isEqualTo(garbage);
    assertThat(bytes(letter.getKey())).isEqualTo(key);
    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getTitle).containsExactly("After");
  }

  @Test
  void shouldDeadLetterArticleTheEnricherRejects() {
    // given
    start();

    // when
    send(submitted("https://example.com/reject", "Bad", "Body"));

    // then
    DeadLetter letter = deadLetters.readValue();
    assertThat(letter.getStage()).isEqualTo("enrich");
    assertThat(letter.getErrorType()).isEqualTo(IllegalArgumentException.class.getName());
    assertThat(letter.getOffset()).isEqualTo(0L);
    assertThat(enriched.isEmpty()).isTrue();
  }

  @Test
  void shouldForgetDuplicatesOlderThanTheRetention() {
    // given
    ProcessorConfig config = new ProcessorConfig();
    config.setDedupRetention(Duration.ofHours(1));
    start(config);
    ArticleSubmitted article = submitted("event-old", "https://example.com/g", "Title", "Body");
    send(article);

    // when: stream time moves past the retention, then the same event comes back
    clock = clock.plus(Duration.ofHours(3));
    send(submitted("https://example.com/other", "Other", "Other body"));
    send(article);

    // then
    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getTitle).containsExactly("Title", "Other", "Title");
    assertThat(duplicates.isEmpty()).isTrue();
  }

  @Test
  void shouldKeepEveryInternalTopicNameWithinKafkasLimitAtTheLongestApplicationId() {
    // given
    ProcessorConfig config = new ProcessorConfig();
    config.setSchemaRegistryUrl("mock://topology-test-" + UUID.randomUUID());
    Topics names = new Topics(TopicNames.defaults(), StreamsProperties.serdeConfig(config));
    TopologyDescription description = new TopologyFactory().build(config, names, new FakeEnricher(), TAXONOMY).describe();

    // when: every changelog and repartition topic Kafka Streams derives from the application id
    List<String> internalTopics = new ArrayList<>();
    for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
      for (TopologyDescription.Node node : subtopology.nodes()) {
        if (node instanceof TopologyDescription.Processor processor) {
          processor.stores().forEach(store -> internalTopics.add(store + "-changelog"));
        } else if (node instanceof TopologyDescription.Sink sink && sink.topic().endsWith("-repartition")) {
          internalTopics.add(sink.topic());
        }
      }
    }

    // then
    assertThat(internalTopics).isNotEmpty();
    String longestId = "a".repeat(ProcessorConfig.APPLICATION_ID_MAX_LENGTH);
    assertThat(internalTopics)
        .allSatisfy(topic -> assertThat(longestId + "-" + topic).hasSizeLessThanOrEqualTo(ProcessorConfig.TOPIC_NAME_MAX_LENGTH));
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
