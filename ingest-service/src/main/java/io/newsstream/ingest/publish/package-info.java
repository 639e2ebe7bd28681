/**
 * Publishes validated articles to {@code articles.raw} as {@code ArticleSubmitted} Avro events,
 * keyed by the canonical URL ({@link io.newsstream.schemas.url.UrlCanonicalizer#DEFAULT}, the
 * stream processor's default rules, so that an article is read where it is deduplicated), with an
 * idempotent {@code acks=all} producer, and reports the broker's coordinates only after the
 * broker acknowledged the record. Outages of the broker or the schema registry surface as a
 * {@link io.newsstream.ingest.publish.PublishException} within a configured bound, never as a
 * hang. Also holds the readiness checks for both dependencies.
 */
package io.newsstream.ingest.publish;
