package io.newsstream.ingest.validate;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One broken rule of one field, as reported to the client in a problem's {@code errors} array.
 *
 * @param field JSON field name (or markdown header line, or {@code ""} for the whole document)
 * @param rule stable, machine-readable rule name, for example {@code max-length}
 * @param message human-readable explanation
 */
@Serdeable
public record Violation(String field, String rule, String message) {}
