/**
 * ingest-service: the HTTP front door through which scrapers submit articles. Requests are
 * authenticated ({@code auth}), parsed and validated ({@code validate}), published as {@code
 * ArticleSubmitted} events to {@code articles.raw} ({@code publish}) and answered with the
 * broker's coordinates or an RFC 9457 problem ({@code api}).
 */
package io.newsstream.ingest;
