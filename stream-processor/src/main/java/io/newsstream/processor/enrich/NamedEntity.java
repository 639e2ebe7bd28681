package io.newsstream.processor.enrich;

/** A named entity: its text as written and its kind (PERSON, ORGANIZATION, LOCATION, OTHER). */
public record NamedEntity(String text, String type) {}
