/**
 * Routing of unique articles to their output streams: {@code articles.enriched} for all, one
 * {@code articles.topic.<topic>} per matched taxonomy topic, {@code articles.topic.general} for
 * articles that matched none. {@link io.newsstream.processor.route.TopicRouter} holds the rule;
 * the topology wires one filtered sink per topic.
 */
package io.newsstream.processor.route;
