/**
 * The Newsstream contract: Avro records generated from {@code src/main/avro} (package {@code
 * io.newsstream.schemas.avro}), the registry-aware serdes ({@link io.newsstream.schemas.serde})
 * and the typed topic definitions ({@link io.newsstream.schemas.topics}). Nothing here holds
 * business logic, and nothing here depends on another Newsstream module.
 */
package io.newsstream.schemas;
