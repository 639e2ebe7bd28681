package io.newsstream.ingest.api;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Body of a 202: the broker acknowledged the article's event at these coordinates.
 *
 * @param eventId the event's id (the Idempotency-Key when one was sent)
 * @param topic topic the event was written to
 * @param partition partition of the topic
 * @param offset offset within the partition
 */
@Serdeable
public record Accepted(String eventId, String topic, int partition, long offset) {}
