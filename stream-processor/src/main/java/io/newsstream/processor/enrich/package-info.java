/**
 * Enrichment of one article, in plain Java with no Kafka types: canonical URL and registrable
 * domain, cleaned text, language, word count and reading time, keywords, named entities,
 * taxonomy topics, content hash and SimHash. Each step is a small class with one job; {@link
 * io.newsstream.processor.enrich.ArticleEnricher} composes them and the topology calls it.
 */
package io.newsstream.processor.enrich;
