package io.newsstream.processor.enrich;

/**
 * What enrichment reads from a submitted article.
 *
 * @param url URL as submitted (absolute http/https)
 * @param title headline as submitted
 * @param body text as submitted, possibly with markup or page furniture
 * @param declaredLanguage ISO 639-1 code the client declared, or null
 */
public record ArticleInput(String url, String title, String body, String declaredLanguage) {}
