package io.newsstream.processor.dedup;

import static io.newsstream.processor.testing.Articles.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.dedup.DedupState.NearEntry;
import io.newsstream.processor.testing.FakeEnricher;
import io.newsstream.processor.topology.StreamsProperties;
import io.newsstream.processor.topology.TopologyFactory;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.schemas.topics.TopicNames;
import io.newsstream.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole topology (TopologyTestDriver, RocksDB stores) writes the text-key index's changelog
 * one record per article and text-key partition, and those records hold exactly what the index
 * holds.
 */
class KeyIndexChangelogTest {

  @TempDir Path stateDir;
  private TopologyTestDriver driver;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void shouldLogEachArticleOnceForEachTextKeyPartitionWithAllItsKeysThere() {
    // given
    ProcessorConfig config = new ProcessorConfig();
    config.setSchemaRegistryUrl("mock://key-index-changelog-" + UUID.randomUUID());
    config.setStateDir(stateDir);
    Topics topics = new Topics(TopicNames.defaults(), StreamsProperties.serdeConfig(config));
    driver =
        new TopologyTestDriver(
            new TopologyFactory().build(config, topics, new FakeEnricher(), List.of("politics")),
            StreamsProperties.streams(config));
    TestInputTopic<String, ArticleSubmitted> raw =
        driver.createInputTopic("articles.raw", new StringSerializer(), topics.raw().valueSerde().serializer());
    var enriched = driver.createOutputTopic("articles.enriched", new StringDeserializer(), topics.enriched().valueSerde().deserializer());
    var changelog =
        driver.createOutputTopic(
            config.getApplicationId() + "-" + TextKeyProcessor.STORE + "-changelog", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    Instant time = Instant.parse("2026-01-01T00:00:00Z");

    // when: two different articles, and a near copy of the first under another URL
    for (ArticleSubmitted article :
        List.of(
            submitted("https://one.example.com/a", "One", "A vote on the budget [simhash:f0f0f0f0f0f0f0f0]"),
            submitted("https://two.example.com/b", "Two", "A storm on the coast [simhash:0f0f0f0f0f0f0f0f]"),
            submitted("https://three.example.com/c", "One!", "A vote on the budget, again [simhash:f0f1f0f0f0f0f0f0]"))) {
      time = time.plusSeconds(1);
      raw.pipeInput(article.getUrl(), article, time);
      driver.advanceWallClockTime(ProcessorConfig.NEAR_DUPLICATE_REORDER_WINDOW_DEFAULT.plusSeconds(1));
    }

    // then
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).hasSize(2);
    List<TestRecord<byte[], byte[]>> records = changelog.readRecordsToList();
    KeyIndexStore index = (KeyIndexStore) driver.getStateStore(TextKeyProcessor.STORE);
    int textPartitions = TopologyFactory.textPartitions(config);
    Map<String, List<Set<String>>> keysByArticle = new HashMap<>();
    for (TestRecord<byte[], byte[]> record : records) {
      assertThat(record.headers().lastHeader(KeyIndexStore.FORMAT_HEADER)).as("format header").isNotNull();
      KeyIndexStore.Decoded decoded = KeyIndexStore.decode(record.value());
      NearEntry entry = DedupSerdes.nearEntry().deserializer().deserialize(null, decoded.entry());
      Set<String> keys = new HashSet<>();
      for (byte[] key : decoded.keys()) {
        keys.add(new String(key, StandardCharsets.UTF_8));
      }
      keysByArticle.computeIfAbsent(entry.articleId(), id -> new ArrayList<>()).add(keys);
      // every key of a record is in the index with the record's entry, at its time
      for (String key : keys) {
        List<NearEntry> held = new ArrayList<>();
        try (var it = index.windowStore().fetch(key, decoded.timestamp(), decoded.timestamp())) {
          it.forEachRemaining(kv -> held.add(kv.value));
        }
        assertThat(held).as("index under %s", key).contains(entry);
      }
    }
    // all three articles (the copy is indexed too), each once per text-key partition it reached:
    // the records of one article name disjoint keys, each of one partition
    assertThat(keysByArticle).hasSize(3);
    int entries = 0;
    for (List<Set<String>> perPartition : keysByArticle.values()) {
      Set<Integer> partitions = new HashSet<>();
      Set<String> all = new HashSet<>();
      for (Set<String> keys : perPartition) {
        Set<Integer> owners = new HashSet<>();
        keys.forEach(k -> owners.add(TextProbe.partitionOf(k, textPartitions)));
        assertThat(owners).hasSize(1);
        assertThat(partitions.add(owners.iterator().next())).isTrue();
        for (String key : keys) {
          assertThat(all.add(key)).isTrue();
        }
        entries += keys.size();
      }
    }
    // and far fewer records than entries
    assertThat(records.size()).isLessThan(entries / 2);
  }
}
