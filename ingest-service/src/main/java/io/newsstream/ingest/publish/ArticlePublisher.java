package io.newsstream.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import io.newsstream.ingest.validate.ValidArticle;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.serde.SchemaRegistryException;
import io.newsstream.schemas.url.UrlCanonicalizer;
import io.micronaut.context.annotation.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link ValidArticle} into an {@link ArticleSubmitted} event on the raw topic, keyed by
 * the canonical URL. {@link #send} starts the send and returns a future that completes only
 * when the broker acknowledged the record (or failed with a {@link PublishException}); {@link
 * #await} waits for it within the configured bound. Thread-safe.
 */
// Created at start-up, with its producer: configuration errors fail the start, not the first
// request, and producer metrics are there from the beginning.
@Context
public class ArticlePublisher {

  private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);
  /** At most one warning of each kind of failure in this long; the others at DEBUG, counted. */
  static final Duration WARNING_INTERVAL = Duration.ofSeconds(10);

  /**
   * What a client is told when the wait for the acknowledgement ended: the record had left for
   * the broker, which may have appended it all the same, so the 503 must not read as "not
   * written" (a retry with the same eventId is dropped downstream as SAME_EVENT).
   */
  static final String NOT_ACKNOWLEDGED = "Kafka did not acknowledge the article in time (it may still have been written)";

  private final Producer<String, ArticleSubmitted> producer;
  private final PublishConfiguration config;
  private final Duration waitBound;
  private final Timer latency;
  private final MeterRegistry meters;
  private final ThrottledWarnings warnings = new ThrottledWarnings(LOG, WARNING_INTERVAL, System::nanoTime);

  public ArticlePublisher(
      Producer<String, ArticleSubmitted> producer, PublishConfiguration config, @Nullable MeterRegistry meters) {
    this.producer = producer;
    this.config = config;
    // The producer itself gives up after delivery-timeout; the extra second lets its own
    // verdict arrive first, so the outcome we report is the producer's, not a guess.
    this.waitBound = config.getDeliveryTimeout().plusSeconds(1);
    this.meters = meters;
    this.latency = meters == null
        ? null
        : Timer.builder("newsstream.ingest.publish.latency")
            .description("Time from send to broker acknowledgement of one article")
            .publishPercentileHistogram()
            .register(meters);
  }

  /** The event ArticlePublisher would write; visible for tests. */
  public static ArticleSubmitted toEvent(ValidArticle a, String eventId, String submittedBy, Instant receivedAt) {
    return ArticleSubmitted.newBuilder()
        .setEventId(eventId)
        .setUrl(a.url())
        .setTitle(a.title())
        .setBody(a.body())
        .setAuthor(a.author())
        .setPublishedAt(a.publishedAt())
        .setSourceName(a.source())
        .setLanguage(a.language())
        .setSubmittedBy(submittedBy)
        .setReceivedAt(receivedAt)
        .setAttributes(a.attributes())
        .build();
  }

  /**
   * Starts publishing; never throws. The future fails with {@link PublishException} when the
   * record cannot be published.
   */
  public CompletableFuture<PublishResult> send(ValidArticle article, String eventId, String submittedBy, Instant receivedAt) {
    CompletableFuture<PublishResult> result = new CompletableFuture<>();
    String topic = config.getTopic();
    String key;
    ArticleSubmitted event;
    try {
      key = UrlCanonicalizer.DEFAULT.canonicalize(article.url());
      event = toEvent(article, eventId, submittedBy, receivedAt);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return result;
    }
    long start = System.nanoTime();
    // KafkaProducer reports a failure of send() itself (no metadata or buffer space within
    // max.block.ms) by calling the callback on the calling thread before send() returns; only a
    // failure reported later, from the producer's I/O thread, concerns a record handed over.
    Thread caller = Thread.currentThread();
    AtomicBoolean returned = new AtomicBoolean();
    try {
      producer.send(new ProducerRecord<>(topic, key, event), (metadata, error) -> {
        if (error == null) {
          if (latency != null) {
            latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
          }
          LOG.debug("Published eventId={} to {}-{}@{}", eventId, metadata.topic(), metadata.partition(), metadata.offset());
          warnings.recovered(metadata.topic());
          result.complete(new PublishResult(eventId, metadata.topic(), metadata.partition(), metadata.offset()));
        } else {
          boolean handedOver = returned.get() || Thread.currentThread() != caller;
          result.completeExceptionally(translate(error, topic, eventId, handedOver));
        }
      });
      returned.set(true);
    } catch (RuntimeException e) {
      // Thrown synchronously: buffer full or metadata missing after max.block.ms, or the
      // serializer could not reach the registry.
      result.completeExceptionally(translate(e, topic, eventId, false));
    }
    return result;
  }

  /** Waits for a {@link #send} future within the configured bound. */
  public PublishResult await(CompletableFuture<PublishResult> future) throws PublishException {
    try {
      return future.get(waitBound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      countFailure("timeout");
      throw new PublishException(PublishException.Reason.UNAVAILABLE, NOT_ACKNOWLEDGED, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException(PublishException.Reason.UNAVAILABLE, "interrupted while waiting for Kafka", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof PublishException pe) {
        throw pe;
      }
      LOG.error("Unexpected failure publishing to {}", config.getTopic(), e.getCause());
      throw new PublishException(PublishException.Reason.UNAVAILABLE, "the article could not be published", e.getCause());
    }
  }

  /** Publishes and waits: {@link #send} then {@link #await}. */
  public PublishResult publish(ValidArticle article, String eventId, String submittedBy, Instant receivedAt)
      throws PublishException {
    return await(send(article, eventId, submittedBy, receivedAt));
  }

  /** How long {@link #await} waits at most. */
  public Duration waitBound() {
    return waitBound;
  }

  /**
   * The PublishException for a failed send, logged. {@code sent}: the error concerns a record
   * send() had handed over, rather than send() itself.
   */
  private PublishException translate(Throwable error, String topic, String eventId, boolean sent) {
    if (error instanceof RecordTooLargeException) {
      countFailure("too-large");
      warnings.warn("too-large", "Article eventId={} refused by {}: record too large", eventId, topic);
      return new PublishException(
          PublishException.Reason.TOO_LARGE, "the article is larger than the topic accepts", error);
    }
    if (error instanceof SchemaRegistryException sre) {
      countFailure("registry");
      warnings.warn("registry", "Article eventId={} not published to {}: schema registry failed (http {}, code {}): {}",
          eventId, topic, sre.httpStatus(), sre.errorCode(), sre.getMessage());
      return new PublishException(
          PublishException.Reason.UNAVAILABLE, "the schema registry is not available", error);
    }
    if (sent && error instanceof org.apache.kafka.common.errors.TimeoutException) {
      // delivery-timeout ran out with the record in a batch that may have reached the broker
      // ("The request has not been sent, or no server response has been received yet"): the
      // outcome is unknown, and broker pauses left such records on the topic.
      countFailure("kafka");
      warnings.warn("not-acknowledged", "Article eventId={} not acknowledged by {} within delivery-timeout; the broker may still have written it: {}",
          eventId, topic, error.getMessage());
      return new PublishException(PublishException.Reason.UNAVAILABLE, NOT_ACKNOWLEDGED, error);
    }
    if (error instanceof org.apache.kafka.common.errors.TimeoutException) {
      // send() itself waited max-block in vain. Kafka words a broker that does not answer as
      // "Topic articles.raw not present in metadata after 2000 ms", which reads as a missing
      // topic; say what it means.
      countFailure("kafka");
      warnings.warn("max-block", "Article eventId={} not published to {}: Kafka gave no metadata or buffer space within max-block"
              + " ({} ms): the broker is unreachable or not keeping up ({})",
          eventId, topic, config.getMaxBlock().toMillis(), error.getMessage());
      return new PublishException(
          PublishException.Reason.UNAVAILABLE, "Kafka did not take the article in time", error);
    }
    if (error instanceof KafkaException) {
      countFailure("kafka");
      warnings.warn("kafka", "Article eventId={} not published to {}: {}: {}",
          eventId, topic, error.getClass().getSimpleName(), error.getMessage());
      return new PublishException(
          PublishException.Reason.UNAVAILABLE, "Kafka did not take the article in time", error);
    }
    countFailure("other");
    LOG.error("Article eventId={} not published to {}", eventId, topic, error);
    return new PublishException(PublishException.Reason.UNAVAILABLE, "the article could not be published", error);
  }

  private void countFailure(String reason) {
    if (meters != null) {
      Counter.builder("newsstream.ingest.publish.failures")
          .description("Articles that could not be published, by reason")
          .tag("reason", reason)
          .register(meters)
          .increment();
    }
  }
}
