package io.newsstream.schemas.topics;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/** A topic name together with the serdes its keys and values are written with. */
public record TopicDefinition<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

  public TopicDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }
}
