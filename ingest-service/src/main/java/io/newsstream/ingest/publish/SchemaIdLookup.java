package io.newsstream.ingest.publish;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.serde.RegistryAvroSerializer;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks the id of the article schema up at start-up (registering it when the serializer
 * registers schemas), in the background, so that the service publishes articles while the
 * registry is away from the start, not only after its first article. Failing, it logs a warning
 * and leaves the lookup to the first article, which answers 503 while the registry is away.
 */
@Singleton
public class SchemaIdLookup implements ApplicationEventListener<StartupEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaIdLookup.class);

  private final PublishConfiguration config;
  private final RegistryAvroSerializer<ArticleSubmitted> serializer;

  public SchemaIdLookup(PublishConfiguration config, RegistryAvroSerializer<ArticleSubmitted> serializer) {
    this.config = config;
    this.serializer = serializer;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    Thread lookup = new Thread(this::lookUp, "newsstream-schema-id-lookup");
    lookup.setDaemon(true);
    lookup.start();
  }

  void lookUp() {
    String topic = config.getTopic();
    try {
      int id = serializer.schemaId(topic, ArticleSubmitted.getClassSchema());
      LOG.info("Articles go to {} with schema id {} (subject {}-value)", topic, id, topic);
    } catch (RuntimeException e) {
      LOG.warn("Could not look up the schema id of {}-value at start-up; the first article will ask the registry again: {}",
          topic, e.getMessage());
    }
  }
}
