package io.newsstream.ingest.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Body of a 207 batch answer.
 *
 * @param accepted number of items acknowledged by the broker
 * @param rejected number of items not published
 * @param results one entry per item, in request order; when reading stopped early (broken JSON
 *     array, too many items, too many bytes) a last entry at the index reached says why
 */
@Serdeable
public record BatchResult(int accepted, int rejected, List<BatchItemResult> results) {}
