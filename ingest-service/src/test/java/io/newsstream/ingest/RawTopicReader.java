package io.newsstream.ingest;

import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.serde.AvroSerdeConfig;
import io.newsstream.schemas.serde.RegistryAvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a raw topic back in tests: record counts and decoded records at given coordinates. */
public final class RawTopicReader implements AutoCloseable {

  private final KafkaConsumer<String, ArticleSubmitted> consumer;
  private final String topic;

  public RawTopicReader(String bootstrapServers, String registryUrl, String topic) {
    this.topic = topic;
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    RegistryAvroDeserializer<ArticleSubmitted> values = new RegistryAvroDeserializer<>();
    values.configure(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl,
        AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true), false);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), values);
  }

  private List<TopicPartition> partitions() {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
    return infos.stream().map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
  }

  /** Number of records on the topic (sum of end offsets; the topic is never compacted here). */
  public long count() {
    return consumer.endOffsets(partitions(), Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
  }

  /** The record at one partition and offset. */
  public ConsumerRecord<String, ArticleSubmitted> at(int partition, long offset) {
    TopicPartition tp = new TopicPartition(topic, partition);
    consumer.assign(List.of(tp));
    consumer.seek(tp, offset);
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, ArticleSubmitted> r : consumer.poll(Duration.ofMillis(200))) {
        if (r.offset() == offset) {
          return r;
        }
      }
    }
    throw new AssertionError("no record at " + topic + "-" + partition + "@" + offset);
  }

  /** Every record now on the topic. */
  public List<ConsumerRecord<String, ArticleSubmitted>> all() {
    List<TopicPartition> tps = partitions();
    Map<TopicPartition, Long> end = consumer.endOffsets(tps, Duration.ofSeconds(10));
    consumer.assign(tps);
    consumer.seekToBeginning(tps);
    List<ConsumerRecord<String, ArticleSubmitted>> out = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline
        && tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
      consumer.poll(Duration.ofMillis(200)).forEach(out::add);
    }
    return out;
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
  }
}
