package io.newsstream.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.newsstream.ingest.validate.ValidArticle;
import io.newsstream.schemas.avro.ArticleSubmitted;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ArticlePublisherTest {

  private final Serializer<ArticleSubmitted> values = (topic, event) -> new byte[0];
  private final MockProducer<String, ArticleSubmitted> producer =
      new MockProducer<>(false, null, new StringSerializer(), values);
  private final ArticlePublisher publisher = new ArticlePublisher(producer, new PublishConfiguration(), null);
  private final ValidArticle article =
      new ValidArticle(null, "https://example.com/a", "Title", "Body", null, null, null, null, Map.of());

  @Test
  void shouldNotSayTheArticleWasNotWrittenWhenTheDeliveryTimeoutRanOutAfterTheSend() {
    // given: the record was handed to the producer, and its batch expired waiting for the broker
    CompletableFuture<PublishResult> sent = publisher.send(article, "e-1", "client", Instant.EPOCH);
    producer.errorNext(new TimeoutException(
        "Expiring 1 record(s) for articles.raw-0:4000 ms has passed since batch creation. The request has not been"
            + " sent, or no server response has been received yet."));

    // when / then: unavailable, and the client is told the outcome is unknown
    assertThatThrownBy(() -> publisher.await(sent))
        .isInstanceOfSatisfying(PublishException.class, e -> {
          assertThat(e.reason()).isEqualTo(PublishException.Reason.UNAVAILABLE);
          assertThat(e.getMessage()).contains("did not acknowledge").contains("may still have been written");
        });
  }

  @Test
  void shouldSayKafkaDidNotTakeTheArticleWhenSendItselfGaveUp() {
    // given: send() could not hand the record over (no metadata or buffer space within
    // max-block), reported as KafkaProducer does: the callback, called before send() returns
    MockProducer<String, ArticleSubmitted> failingOnTheSpot = new MockProducer<>(false, null, new StringSerializer(), values) {
      @Override
      public synchronized Future<RecordMetadata> send(ProducerRecord<String, ArticleSubmitted> record, Callback callback) {
        TimeoutException error = new TimeoutException("Topic articles.raw not present in metadata after 2000 ms.");
        callback.onCompletion(new RecordMetadata(new TopicPartition(record.topic(), -1), -1, -1, -1, -1, -1), error);
        return CompletableFuture.failedFuture(error);
      }
    };
    ArticlePublisher publisher = new ArticlePublisher(failingOnTheSpot, new PublishConfiguration(), null);

    // when
    CompletableFuture<PublishResult> sent = publisher.send(article, "e-2", "client", Instant.EPOCH);

    // then: the record never left the service
    assertThatThrownBy(() -> publisher.await(sent))
        .isInstanceOfSatisfying(PublishException.class, e -> {
          assertThat(e.reason()).isEqualTo(PublishException.Reason.UNAVAILABLE);
          assertThat(e.getMessage()).isEqualTo("Kafka did not take the article in time");
        });
  }

  @Test
  void shouldLogABrokerThatDoesNotAnswerAsSuchRatherThanAsAMissingTopic() {
    // given: send() waited max-block for metadata in vain, as while the broker is paused
    producer.sendException = new TimeoutException("Topic articles.raw not present in metadata after 2000 ms.");
    Logger log = (Logger) LoggerFactory.getLogger(ArticlePublisher.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    log.addAppender(events);
    try {
      // when
      publisher.send(article, "e-3", "client", Instant.EPOCH);
    } finally {
      log.detachAppender(events);
    }

    // then
    assertThat(events.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
        .contains("eventId=e-3 not published to articles.raw")
        .contains("no metadata or buffer space within max-block (2000 ms)")
        .contains("unreachable"));
  }
  @Test
  void shouldWarnOnceForAnOutageThatFailsArticleAfterArticle() {
    // given: the broker does not answer
    producer.sendException = new TimeoutException("Topic articles.raw not present in metadata after 2000 ms.");
    Logger log = (Logger) LoggerFactory.getLogger(ArticlePublisher.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    log.addAppender(events);
    try {
      // when: fifty articles fail within a moment
      for (int i = 0; i < 50; i++) {
        publisher.send(article, "e-" + i, "client", Instant.EPOCH);
      }
    } finally {
      log.detachAppender(events);
    }

    // then
    assertThat(events.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN))
        .singleElement()
        .satisfies(event -> assertThat(event.getFormattedMessage()).contains("eventId=e-0"));
  }
}
