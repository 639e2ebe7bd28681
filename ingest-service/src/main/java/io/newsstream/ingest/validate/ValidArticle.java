package io.newsstream.ingest.validate;

import java.time.Instant;
import java.util.Map;

/**
 * An article that passed every rule, ready to be published. Optional fields are null when
 * absent; strings are as submitted (no cleaning happens in ingest).
 *
 * @param id client-supplied item id (echoed back, used as eventId in batches), or null
 */
public record ValidArticle(
    String id,
    String url,
    String title,
    String body,
    String author,
    Instant publishedAt,
    String source,
    String language,
    Map<String, String> attributes) {

  public ValidArticle {
    attributes = Map.copyOf(attributes);
  }
}
