package io.newsstream.ingest.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Body of a 207 batch answer.
 *
 * @param accepted number of items acknowledged by the broker (results with status 202)
 * @param rejected number of results with any other status, so {@code accepted + rejected} is
 *     the number of results
 * @param results one entry per item, in request order; when reading stopped early (broken JSON
 *     array, too many items, too many bytes) a last entry at the index reached (the broken item,
 *     or the first one not read) says why
 */
@Serdeable
public record BatchResult(int accepted, int rejected, List<BatchItemResult> results) {}
