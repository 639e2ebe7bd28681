/**
 * Newsstream's stream processor: a Kafka Streams application that decodes submitted articles,
 * enriches them, drops duplicates and routes the rest to topic streams. Sub-packages: {@code
 * config} (settings), {@code topology} (the Streams topology), {@code enrich}, {@code dedup},
 * {@code route} (the stages), {@code stage} (what stages share) and {@code runtime} (Micronaut
 * wiring, health, metrics).
 */
package io.newsstream.processor;
