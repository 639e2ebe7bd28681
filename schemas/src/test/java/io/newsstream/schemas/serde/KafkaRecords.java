package io.newsstream.schemas.serde;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Reads a topic from the beginning until a number of records arrived, for the ITs. */
final class KafkaRecords {

  private KafkaRecords() {}

  static <K, V> List<ConsumerRecord<K, V>> consume(Properties config, String topic, int count) {
    List<ConsumerRecord<K, V>> received = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      await("" + count + " record(s) on " + topic)
          .atMost(Duration.ofSeconds(60))
          .pollInSameThread()
          .until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return received.size() >= count;
          });
    }
    return received;
  }
}
