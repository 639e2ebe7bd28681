package io.newsstream.processor.testing;

import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.serde.AvroSerdeConfig;
import io.newsstream.schemas.serde.RegistryAvroDeserializer;
import io.newsstream.schemas.serde.RegistryAvroSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producers and read_committed readers against a real broker and registry, for ITs. */
public final class KafkaClients implements AutoCloseable {

  private final String bootstrapServers;
  private final Map<String, Object> serdeConfig;
  private final KafkaProducer<String, ArticleSubmitted> articles;
  private final KafkaProducer<byte[], byte[]> bytes;

  public KafkaClients(String bootstrapServers, String schemaRegistryUrl) {
    this.bootstrapServers = bootstrapServers;
    this.serdeConfig = new HashMap<>();
    serdeConfig.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, schemaRegistryUrl);
    serdeConfig.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
    RegistryAvroSerializer<ArticleSubmitted> serializer = new RegistryAvroSerializer<>();
    serializer.configure(serdeConfig, false);
    this.articles = new KafkaProducer<>(producerProps(), new StringSerializer(), serializer);
    this.bytes = new KafkaProducer<>(producerProps(), new ByteArraySerializer(), new ByteArraySerializer());
  }

  private Properties producerProps() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return props;
  }

  /** Sends {@code article} keyed by its URL to {@code partition} (null: by key) and waits for the ack. */
  public RecordMetadata send(String topic, Integer partition, ArticleSubmitted article) {
    try {
      return articles.send(new ProducerRecord<>(topic, partition, article.getUrl(), article)).get();
    } catch (Exception e) {
      throw new IllegalStateException("send failed", e);
    }
  }

  /** Sends raw bytes and waits for the ack. */
  public RecordMetadata sendBytes(String topic, Integer partition, byte[] key, byte[] value) {
    try {
      return bytes.send(new ProducerRecord<>(topic, partition, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("send failed", e);
    }
  }

  /** A reader of {@code topic} from the beginning with read_committed and the registry deserializer. */
  public <V> TopicReader<V> reader(String topic, Class<V> type) {
    RegistryAvroDeserializer<V> deserializer = new RegistryAvroDeserializer<>();
    deserializer.configure(serdeConfig, false);
    return new TopicReader<>(bootstrapServers, topic, deserializer);
  }

  @Override
  public void close() {
    articles.close(Duration.ofSeconds(5));
    bytes.close(Duration.ofSeconds(5));
  }

  /** Accumulates every committed record of one topic; call {@link #poll} inside Awaitility. */
  public static final class TopicReader<V> implements AutoCloseable {

    private final KafkaConsumer<byte[], V> consumer;
    private final String topic;
    private final List<ConsumerRecord<byte[], V>> records = new ArrayList<>();

    TopicReader(String bootstrapServers, String topic, Deserializer<V> deserializer) {
      Properties props = new Properties();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      // Only what the processor committed: aborted transactions must not count.
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), deserializer);
      this.topic = topic;
    }

    /** Polls once and returns everything read so far; nothing while the topic does not exist yet. */
    public List<ConsumerRecord<byte[], V>> poll() {
      if (consumer.assignment().isEmpty()) {
        List<TopicPartition> partitions =
            consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
          return List.of();
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
      }
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      return List.copyOf(records);
    }

    /** Values read so far (after one more poll). */
    public List<V> values() {
      return poll().stream().map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
