package io.newsstream.processor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.processor.topology.BoundedRocksDbMemory;
import io.newsstream.processor.topology.StreamsProperties;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class ProcessorConfigTest {

  @Test
  void shouldUseExactlyOnceAndTheConfiguredStateDirectory() {
    // given
    ProcessorConfig config = new ProcessorConfig();
    config.setStateDir(java.nio.file.Path.of("/var/lib/x"));
    config.setStreams(Map.of("statestore.cache.max.bytes", "0"));

    // when
    Properties props = StreamsProperties.streams(config);

    // then
    assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(props.get(StreamsConfig.STATE_DIR_CONFIG)).isEqualTo("/var/lib/x");
    assertThat(props.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("newsstream-processor");
    assertThat(props.get("statestore.cache.max.bytes")).isEqualTo("0");
  }

  @Test
  void shouldLeaveTheGroupOnCloseUnlessAStaticMember() {
    // given
    ProcessorConfig dynamic = new ProcessorConfig();
    ProcessorConfig staticMember = new ProcessorConfig();
    staticMember.setStreams(Map.of("group.instance.id", "processor-1"));
    ProcessorConfig staticMainConsumer = new ProcessorConfig();
    staticMainConsumer.setStreams(Map.of(StreamsConfig.mainConsumerPrefix("group.instance.id"), "processor-1"));

    // when / then
    assertThat(StreamsProperties.membershipOnClose(StreamsProperties.streams(dynamic))).isEqualTo(GroupMembershipOperation.LEAVE_GROUP);
    assertThat(StreamsProperties.membershipOnClose(StreamsProperties.streams(staticMember))).isEqualTo(GroupMembershipOperation.REMAIN_IN_GROUP);
    assertThat(StreamsProperties.membershipOnClose(StreamsProperties.streams(staticMainConsumer)))
        .isEqualTo(GroupMembershipOperation.REMAIN_IN_GROUP);
  }

  @Test
  void shouldCommitEverySecondUnlessConfiguredOtherwise() {
    // given
    ProcessorConfig byDefault = new ProcessorConfig();
    ProcessorConfig configured = new ProcessorConfig();
    configured.setCommitInterval(Duration.ofMillis(250));
    ProcessorConfig overridden = new ProcessorConfig();
    overridden.setStreams(Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100"));

    // when / then: the processor's setting, and a streams.* property applied last
    assertThat(StreamsProperties.streams(byDefault).get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(1000L);
    assertThat(StreamsProperties.streams(configured).get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(250L);
    assertThat(StreamsProperties.streams(overridden).get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("100");
  }

  @Test
  void shouldFetchFullerBatchesByDefaultAndLetStreamsPropertiesOverrideThat() {
    // given
    ProcessorConfig byDefault = new ProcessorConfig();
    ProcessorConfig overridden = new ProcessorConfig();
    overridden.setStreams(Map.of("main.consumer.fetch.max.wait.ms", "500"));

    // when
    var defaults = StreamsProperties.streams(byDefault);
    var custom = StreamsProperties.streams(overridden);

    // then
    assertThat(defaults.get("main.consumer.fetch.min.bytes")).isEqualTo(131072);
    assertThat(defaults.get("main.consumer.fetch.max.wait.ms")).isEqualTo(100);
    assertThat(custom.get("main.consumer.fetch.max.wait.ms")).isEqualTo("500");
  }

  @Test
  void shouldRunOneStreamThreadPerAvailableProcessorByDefault() {
    // given
    ProcessorConfig byDefault = new ProcessorConfig();
    ProcessorConfig one = new ProcessorConfig();
    one.setNumStreamThreads(1);

    // when / then
    assertThat(StreamsProperties.streams(byDefault).get(StreamsConfig.NUM_STREAM_THREADS_CONFIG))
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(StreamsProperties.streams(one).get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(1);
  }

  @Test
  void shouldBoundTheMemoryOfAllRocksDbStoresTogetherUnlessTurnedOffOrInMemory() {
    // given
    ProcessorConfig byDefault = new ProcessorConfig();
    ProcessorConfig configured = new ProcessorConfig();
    configured.setRocksdbMemory(1024L * 1024 * 1024);
    configured.setRocksdbMemtableShare(0.25);
    ProcessorConfig off = new ProcessorConfig();
    off.setRocksdbMemory(0);
    ProcessorConfig inMemory = new ProcessorConfig();
    inMemory.setStoreType(ProcessorConfig.StoreType.IN_MEMORY);
    ProcessorConfig ownSetter = new ProcessorConfig();
    ownSetter.setStreams(Map.of(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.MySetter"));

    // when
    Properties defaults = StreamsProperties.streams(byDefault);
    Properties custom = StreamsProperties.streams(configured);

    // then
    String setter = StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG;
    assertThat(defaults.get(setter)).isEqualTo(BoundedRocksDbMemory.class.getName());
    assertThat(defaults.get(BoundedRocksDbMemory.MEMORY_CONFIG)).isEqualTo("268435456");
    assertThat(defaults.get(BoundedRocksDbMemory.MEMTABLE_SHARE_CONFIG)).isEqualTo("0.5");
    assertThat(custom.get(BoundedRocksDbMemory.MEMORY_CONFIG)).isEqualTo("1073741824");
    assertThat(custom.get(BoundedRocksDbMemory.MEMTABLE_SHARE_CONFIG)).isEqualTo("0.25");
    assertThat(StreamsProperties.streams(off)).doesNotContainKey(setter);
    assertThat(StreamsProperties.streams(inMemory)).doesNotContainKey(setter);
    assertThat(StreamsProperties.streams(ownSetter).get(setter)).isEqualTo("com.example.MySetter");
  }

  @Test
  void shouldRejectInvalidValuesNamingTheKey() {
    // given
    ProcessorConfig config = new ProcessorConfig();

    // when / then
    assertThatThrownBy(() -> config.setNearDuplicateDistance(8)).hasMessageContaining("newsstream.processor.near-duplicate-distance");
    assertThatThrownBy(() -> config.setDedupRetention(Duration.ZERO)).hasMessageContaining("dedup-retention");
    assertThatThrownBy(() -> config.setTopicPartitions(0)).hasMessageContaining("topic-partitions");
    assertThatThrownBy(() -> config.setTextKeyPartitions(-1)).hasMessageContaining("newsstream.processor.text-key-partitions");
    assertThatThrownBy(() -> config.setTextKeyPartitions(33)).hasMessageContaining("1 to 32");
    assertThatThrownBy(() -> config.setBootstrapServers(" ")).hasMessageContaining("bootstrap-servers");
    assertThatThrownBy(() -> config.setNearDuplicateContainment(1.5)).hasMessageContaining("near-duplicate-containment");
    assertThatThrownBy(() -> config.setNearDuplicateContainment(Double.NaN)).hasMessageContaining("near-duplicate-containment");
    assertThatThrownBy(() -> config.setNearDuplicateMaxPublishedGap(Duration.ofHours(-1)))
        .hasMessageContaining("near-duplicate-max-published-gap");
    assertThatThrownBy(() -> config.setNearDuplicateReorderWindow(Duration.ofSeconds(-1)))
        .hasMessageContaining("near-duplicate-reorder-window");
    assertThatThrownBy(() -> config.setLightEditMaxWords(-1)).hasMessageContaining("newsstream.processor.light-edit-max-words");
    assertThatThrownBy(() -> config.setLightEditMaxWords(1001)).hasMessageContaining("light-edit-max-words");
    assertThatThrownBy(() -> config.setStallTimeout(Duration.ofSeconds(-1))).hasMessageContaining("newsstream.processor.stall-timeout");
    assertThatThrownBy(() -> config.setStallTimeout(Duration.ofMillis(500))).hasMessageContaining("stall-timeout");
    assertThatThrownBy(() -> config.setRocksdbMemory(-1)).hasMessageContaining("newsstream.processor.rocksdb-memory");
    assertThatThrownBy(() -> config.setRocksdbMemory(1024 * 1024)).hasMessageContaining("at least 16MB");
    assertThatThrownBy(() -> config.setRocksdbMemtableShare(1)).hasMessageContaining("newsstream.processor.rocksdb-memtable-share");
    assertThatThrownBy(() -> config.setRocksdbMemtableShare(0)).hasMessageContaining("rocksdb-memtable-share");
  }

  @Test
  void shouldRejectAnApplicationIdThatMakesIllegalTopicNamesNamingTheSetting() {
    // given
    ProcessorConfig config = new ProcessorConfig();
    String longest = "a".repeat(ProcessorConfig.APPLICATION_ID_MAX_LENGTH);

    // when
    config.setApplicationId("news.stream_processor-2");
    config.setApplicationId(longest);

    // then
    assertThat(config.getApplicationId()).isEqualTo(longest);
    assertThatThrownBy(() -> config.setApplicationId("bad id!"))
        .hasMessageStartingWith("newsstream.processor.application-id=bad id!: ")
        .hasMessageContaining("letters a-z and A-Z, digits, '.', '_' and '-'");
    assertThatThrownBy(() -> config.setApplicationId("caf\u00e9")).hasMessageContaining("application-id");
    assertThatThrownBy(() -> config.setApplicationId(longest + "a"))
        .hasMessageContaining("newsstream.processor.application-id")
        .hasMessageContaining("at most " + ProcessorConfig.APPLICATION_ID_MAX_LENGTH);
  }

  @Test
  void shouldWriteARejectedDurationAsAPersonWouldInTheMessage() {
    // given
    ProcessorConfig config = new ProcessorConfig();

    // when / then
    assertThatThrownBy(() -> config.setDedupRetention(Duration.ofHours(-24)))
        .hasMessage("newsstream.processor.dedup-retention=-24 h: must be a positive duration");
    assertThatThrownBy(() -> config.setStallTimeout(Duration.ofMillis(500)))
        .hasMessageStartingWith("newsstream.processor.stall-timeout=500 ms: ");
  }

  @Test
  void shouldFindStreamsSettingsThatNoKafkaClientKnows() {
    // given
    Map<String, String> streams = new LinkedHashMap<>();
    streams.put("max.task.idle.ms", "0");
    streams.put("statestore.cache.max.bytes", "0");
    streams.put("fetch.max.bytes", "1048576");
    streams.put("linger.ms", "5");
    streams.put("main.consumer.fetch.max.wait.ms", "50");
    streams.put("restore.consumer.max.poll.records", "500");
    streams.put("global.consumer.client.rack", "a");
    streams.put("consumer.session.timeout.ms", "30000");
    streams.put("producer.compression.type", "lz4");
    streams.put("admin.retry.backoff.ms", "200");
    streams.put("topic.min.insync.replicas", "2");
    streams.put("no.such.setting", "5");
    streams.put("main.consumer.linger.ms", "5");
    streams.put("producer.fetch.min.bytes", "1");
    streams.put("commit.intervall.ms", "100");

    // when
    List<String> unknown = StreamsProperties.unknownKeys(streams);

    // then
    assertThat(unknown).containsExactly("no.such.setting", "main.consumer.linger.ms", "producer.fetch.min.bytes", "commit.intervall.ms");
  }

  @Test
  void shouldDeriveTopicNamesFromSettings() {
    // given
    ProcessorConfig config = new ProcessorConfig();
    config.setTopicStreamPrefix("env1.articles.topic.");

    // when / then
    assertThat(config.topicNames().topicStream("Technology")).isEqualTo("env1.articles.topic.technology");
    assertThat(config.topicNames().raw()).isEqualTo("articles.raw");
  }
}
