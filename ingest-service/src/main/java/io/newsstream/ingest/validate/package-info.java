/**
 * Turns request bodies into validated articles. Readers parse the three wire formats (a JSON
 * object, a stream of JSON array or NDJSON items, the scraper markdown format) into {@link
 * io.newsstream.ingest.validate.ArticleInput}s without binding to Java types, so that every
 * problem can be reported with the field it concerns; {@link
 * io.newsstream.ingest.validate.ArticleValidator} then applies the rules of the ingest contract
 * and yields either a {@link io.newsstream.ingest.validate.ValidArticle} or the list of {@link
 * io.newsstream.ingest.validate.Violation}s. Nothing here knows about HTTP or Kafka.
 */
package io.newsstream.ingest.validate;
