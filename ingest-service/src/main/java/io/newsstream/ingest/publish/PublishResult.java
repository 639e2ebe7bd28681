package io.newsstream.ingest.publish;

/** Where the broker stored an acknowledged record. */
public record PublishResult(String eventId, String topic, int partition, long offset) {}
