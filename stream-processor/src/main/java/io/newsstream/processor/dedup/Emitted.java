package io.newsstream.processor.dedup;

import io.newsstream.schemas.avro.EnrichedArticle;

/**
 * An article the near-duplicate decision let through, and the text-key partitions that hold its
 * keys (bit p for partition p): each is told, so that an article checked there later, even one
 * with an earlier timestamp, can be named a duplicate of it ({@link EmittedIndexProcessor}).
 */
public record Emitted(EnrichedArticle article, long owners) {}
