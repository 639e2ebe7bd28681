package io.newsstream.processor.runtime;

import io.newsstream.processor.route.TopicRouter;
import io.newsstream.schemas.avro.DeadLetter;
import io.newsstream.schemas.avro.DuplicateDetected;
import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.schemas.serde.RegistryAvroDeserializer;
import io.newsstream.schemas.serde.RegistryAvroSerializer;
import io.newsstream.schemas.serde.SchemaRegistryException;
import io.newsstream.schemas.topics.TopicDefinition;
import io.newsstream.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up, at start-up, every schema id the full topology will need: the id of each output
 * topic's schema (registering it as the first record would) and the latest schema of the raw
 * topic. Stream threads ask the registry lazily, so without this a registry that stops answering
 * after start-up fails each thread that writes the first record to a topic stream (a stream
 * thread waits out the registry timeout, then is replaced, again and again); with it, the
 * processor goes on writing, and reads every record written with the raw topic's latest schema.
 *
 * <p>Stops at the first registry that does not answer, logging it, and leaves the rest to the
 * stream threads: each further call would wait out the same timeout. No schema under the raw
 * topic yet (nothing published) is not a failure: its records' schemas are fetched by id.
 */
final class SchemaLookup {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaLookup.class);

  private record Output(String topic, Object serializer, Schema schema) {}

  private final Topics topics;
  private final TopicRouter router;

  SchemaLookup(Topics topics, Collection<String> taxonomyTopics) {
    this.topics = topics;
    this.router = new TopicRouter(taxonomyTopics, topics.names().generalTopic());
  }

  /**
   * Looks every id up; returns how many were found (all of them unless the registry failed or
   * nothing was published to the raw topic yet).
   */
  int run() {
    long started = System.nanoTime();
    List<Output> outputs = outputs();
    int outputsFound = 0;
    String raw = topics.raw().name();
    boolean rawFound = false;
    try {
      if (topics.raw().valueSerde().deserializer() instanceof RegistryAvroDeserializer<?> deserializer) {
        try {
          deserializer.loadLatest(raw);
          rawFound = true;
        } catch (SchemaRegistryException e) {
          if (e.isUnavailable()) {
            throw e;
          }
          // Nothing published yet: the first record's schema is fetched by its id when it comes.
          LOG.info("No schema for {} in the registry yet ({})", raw, e.getMessage());
        }
      }
      for (Output output : outputs) {
        if (output.serializer() instanceof RegistryAvroSerializer<?> serializer) {
          try {
            serializer.schemaId(output.topic(), output.schema());
            outputsFound++;
          } catch (SchemaRegistryException e) {
            if (e.isUnavailable()) {
              throw e;
            }
            LOG.warn("The schema of {} cannot be registered: {}", output.topic(), e.getMessage());
          }
        }
      }
      LOG.info("Schema ids of {} of the {} output topics{} looked up in {} ms: records are written and read with them while"
          + " the registry does not answer", outputsFound, outputs.size(), rawFound ? " and of " + raw : "",
          (System.nanoTime() - started) / 1_000_000);
    } catch (SchemaRegistryException e) {
      LOG.warn("Could not look up the schema ids at start-up, the registry does not answer ({}); the stream threads will ask"
          + " it when they first need an id", e.getMessage());
    }
    return outputsFound + (rawFound ? 1 : 0);
  }

  private List<Output> outputs() {
    List<Output> outputs = new ArrayList<>();
    add(outputs, topics.enriched(), EnrichedArticle.getClassSchema());
    add(outputs, topics.duplicates(), DuplicateDetected.getClassSchema());
    add(outputs, topics.deadLetter(), DeadLetter.getClassSchema());
    for (String topic : router.taxonomy()) {
      add(outputs, topics.topicStream(topic), EnrichedArticle.getClassSchema());
    }
    add(outputs, topics.topicStream(router.general()), EnrichedArticle.getClassSchema());
    return outputs;
  }

  private static void add(List<Output> outputs, TopicDefinition<?, ?> topic, Schema schema) {
    outputs.add(new Output(topic.name(), topic.valueSerde().serializer(), schema));
  }
}
