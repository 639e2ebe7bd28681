package io.newsstream.processor.testing;

import io.newsstream.schemas.avro.ArticleSubmitted;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Submissions for tests. */
public final class Articles {

  private Articles() {}

  public static ArticleSubmitted submitted(String url, String title, String body) {
    return submitted(UUID.randomUUID().toString(), url, title, body);
  }

  public static ArticleSubmitted submitted(String eventId, String url, String title, String body) {
    return ArticleSubmitted.newBuilder()
        .setEventId(eventId)
        .setUrl(url)
        .setTitle(title)
        .setBody(body)
        .setSubmittedBy("test-client")
        .setReceivedAt(Instant.parse("2026-01-01T00:00:00Z"))
        .setAttributes(Map.of())
        .build();
  }
}
