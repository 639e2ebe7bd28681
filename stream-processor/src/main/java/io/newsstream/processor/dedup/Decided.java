package io.newsstream.processor.dedup;

import io.newsstream.schemas.avro.EnrichedArticle;

/**
 * What the near-duplicate decision made of an article: emitted, or dropped as a duplicate (the
 * report goes to articles.duplicates separately). Either way the text-key partitions that hold
 * its keys (bit p for partition p) are told ({@link DecisionIndexProcessor}): an emitted article
 * can then be named by an article checked there later, even one with an earlier timestamp, and a
 * dropped one is never named, so that a later copy names what consumers have.
 */
public record Decided(EnrichedArticle article, long owners, boolean emitted) {

  /** The notice the text-key partitions get: the articleId, marked when it was dropped. */
  public String notice() {
    return emitted ? article.getArticleId() : DecisionIndexProcessor.DROPPED_NOTICE + article.getArticleId();
  }
}
