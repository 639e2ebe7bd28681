/**
 * Command-line tools around the enrichment library: {@link
 * io.newsstream.processor.enrich.tools.EnrichArticles} ({@code ./newsstream enrich}) enriches
 * JSON articles as the processor does, without a broker, and can list the taxonomy terms behind
 * their topics. They read files only and are never called by the application.
 */
package io.newsstream.processor.enrich.tools;
