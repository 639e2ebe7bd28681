/**
 * Deduplication, one Kafka Streams processor per kind, each behind a repartition by its own key
 * so that duplicates meet in one partition whatever partition they arrived on: eventId
 * (SAME_EVENT), articleId (SAME_URL_SAME_CONTENT, NEAR_DUPLICATE light edits, revisions),
 * content hash (SAME_CONTENT), and SimHash blocks then eventId (NEAR_DUPLICATE across URLs, by
 * the pigeonhole split in {@link io.newsstream.processor.dedup.SimHashBlocks}). State lives in
 * window stores whose retention bounds it.
 */
package io.newsstream.processor.dedup;
