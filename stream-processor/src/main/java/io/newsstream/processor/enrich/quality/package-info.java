/**
 * Command-line harnesses that measure the enrichment library on the shared corpora: {@link
 * io.newsstream.processor.enrich.quality.TopicAccuracyReport} prints the top-topic accuracy of
 * the default taxonomy on the UCI News Aggregator headlines and how often Reuters-21578's economic
 * wire copy is given another topic, and {@link
 * io.newsstream.processor.enrich.quality.EnrichmentThroughput} prints articles per second and
 * per CPU-second of {@link io.newsstream.processor.enrich.DefaultArticleEnricher} on Reuters
 * articles. They read files only and are never called by the application.
 */
package io.newsstream.processor.enrich.quality;
