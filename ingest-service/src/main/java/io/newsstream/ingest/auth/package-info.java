/**
 * Who may submit, and how fast. API keys come from configuration as SHA-256 hashes (the service
 * never holds a key in clear text), are compared in constant time, and name the client that
 * becomes {@code submittedBy} on every event; {@link io.newsstream.ingest.auth.ApiKeyFilter}
 * answers 401/403 before a body is read, and a per-client token bucket ({@link
 * io.newsstream.ingest.auth.RateLimiter}) answers 429 with {@code Retry-After}. Health, metrics
 * and API documentation stay open.
 */
package io.newsstream.ingest.auth;
