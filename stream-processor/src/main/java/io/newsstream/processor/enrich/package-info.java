/**
 * Enrichment of one article, in plain Java with no Kafka types: canonical URL and article id
 * ({@link io.newsstream.schemas.url.UrlCanonicalizer}), registrable domain ({@link
 * io.newsstream.processor.enrich.DomainExtractor}), cleaned text ({@link
 * io.newsstream.processor.enrich.TextCleaner}), language ({@link
 * io.newsstream.processor.enrich.LanguageDetector}), word count and reading time ({@link
 * io.newsstream.processor.enrich.ReadingTime}), keywords ({@link
 * io.newsstream.processor.enrich.KeywordExtractor}), named entities ({@link
 * io.newsstream.processor.enrich.EntityExtractor}), taxonomy topics ({@link
 * io.newsstream.processor.enrich.TopicClassifier}), content hash ({@link
 * io.newsstream.processor.enrich.ContentHasher}) and SimHash ({@link
 * io.newsstream.processor.enrich.SimHasher}). Each step is a small class with one job, all
 * configured by one {@link io.newsstream.processor.enrich.EnrichmentConfig}; {@link
 * io.newsstream.processor.enrich.DefaultArticleEnricher} composes them behind the {@link
 * io.newsstream.processor.enrich.ArticleEnricher} interface that the topology calls.
 */
package io.newsstream.processor.enrich;
