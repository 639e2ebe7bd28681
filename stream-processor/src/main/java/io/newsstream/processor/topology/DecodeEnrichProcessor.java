package io.newsstream.processor.topology;

import io.newsstream.processor.enrich.ArticleEnricher;
import io.newsstream.processor.enrich.ArticleInput;
import io.newsstream.processor.enrich.Enrichment;
import io.newsstream.processor.stage.FailureHandler;
import io.newsstream.processor.stage.Outcome;
import io.newsstream.processor.stage.PipelineMetrics;
import io.newsstream.processor.stage.Stage;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.schemas.serde.SchemaRegistryException;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Stages 1 and 2: decodes the raw bytes of an articles.raw record into {@link ArticleSubmitted}
 * and enriches it into an {@link EnrichedArticle} (revision 1), keyed by articleId. Decoding here
 * rather than in the source lets a poison record reach the dead-letter topic with its original
 * bytes and coordinates. An unreachable registry is not the record's fault: that error is
 * rethrown so the task retries instead of dead-lettering good records.
 */
final class DecodeEnrichProcessor extends ContextualProcessor<byte[], byte[], String, Outcome<EnrichedArticle>> {

  private final Deserializer<ArticleSubmitted> deserializer;
  private final ArticleEnricher enricher;
  private final FailureHandler failures;
  private final PipelineMetrics metrics;
  private final Clock clock;

  DecodeEnrichProcessor(
      Deserializer<ArticleSubmitted> deserializer,
      ArticleEnricher enricher,
      FailureHandler failures,
      PipelineMetrics metrics,
      Clock clock) {
    this.deserializer = deserializer;
    this.enricher = enricher;
    this.failures = failures;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    Optional<RecordMetadata> origin = context().recordMetadata();
    ArticleSubmitted submitted;
    try {
      if (record.value() == null) {
        throw new SerializationException("record has no value (tombstone); expected an ArticleSubmitted");
      }
      String topic = origin.map(RecordMetadata::topic).orElse("");
      submitted = deserializer.deserialize(topic, record.headers(), record.value());
    } catch (SchemaRegistryException e) {
      if (e.isUnavailable()) {
        throw e;
      }
      fail(Stage.DECODE, origin, record, e);
      return;
    } catch (RuntimeException e) {
      fail(Stage.DECODE, origin, record, e);
      return;
    }
    EnrichedArticle article;
    try {
      Enrichment enrichment =
          enricher.enrich(
              new ArticleInput(submitted.getUrl(), submitted.getTitle(), submitted.getBody(), submitted.getLanguage()));
      article = Articles.enriched(submitted, enrichment, clock.instant());
    } catch (RuntimeException e) {
      fail(Stage.ENRICH, origin, record, e);
      return;
    }
    metrics.processed();
    context().forward(record.withKey(article.getArticleId()).withValue(Outcome.pass(article)));
  }

  private void fail(String stage, Optional<RecordMetadata> origin, Record<byte[], byte[]> record, Exception e) {
    failures
        .<EnrichedArticle>onFailure(stage, origin, record.key(), record.value(), e)
        .ifPresent(dead -> context().forward(record.withKey("").withValue(dead)));
  }
}
