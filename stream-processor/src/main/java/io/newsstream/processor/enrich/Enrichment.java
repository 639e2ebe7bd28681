package io.newsstream.processor.enrich;

import java.util.List;

/**
 * Everything enrichment derives from one article.
 *
 * @param articleId stable id derived from the canonical URL
 * @param canonicalUrl normalised URL (see {@code DESIGN.md}, Identity)
 * @param domain registrable domain, public-suffix aware
 * @param title whitespace-normalised headline
 * @param body cleaned text
 * @param language ISO 639-1 code or {@code und}
 * @param languageConfidence 0.0 to 1.0
 * @param wordCount words in the cleaned body
 * @param readingTimeSeconds estimated reading time
 * @param keywords strongest first
 * @param entities people, organisations, places
 * @param topics matched taxonomy topics, strongest first; empty when none matched
 * @param contentHash SHA-256 hex of the cleaned title and body
 * @param simhash 64-bit SimHash of the cleaned body's word shingles
 */
public record Enrichment(
    String articleId,
    String canonicalUrl,
    String domain,
    String title,
    String body,
    String language,
    double languageConfidence,
    int wordCount,
    int readingTimeSeconds,
    List<String> keywords,
    List<NamedEntity> entities,
    List<TopicMatch> topics,
    String contentHash,
    long simhash) {}
