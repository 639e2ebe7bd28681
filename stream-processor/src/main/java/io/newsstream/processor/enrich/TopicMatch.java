package io.newsstream.processor.enrich;

/** A taxonomy topic an article matched, with its score. */
public record TopicMatch(String name, double score) {}
