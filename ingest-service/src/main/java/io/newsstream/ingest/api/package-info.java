/**
 * The HTTP API: {@code POST /v1/articles} (one article as JSON or scraper markdown) and {@code
 * POST /v1/articles/batch} (JSON array or NDJSON), their response bodies, and the RFC 9457
 * {@code application/problem+json} answers that replace Micronaut's default error bodies for
 * every error status, so no response ever carries a stack trace or an internal class name.
 * Also the request-size guard that answers 413 from the Content-Length before a body is read,
 * the ingest counters, and the {@code application/yaml} media type of the OpenAPI document.
 */
package io.newsstream.ingest.api;
