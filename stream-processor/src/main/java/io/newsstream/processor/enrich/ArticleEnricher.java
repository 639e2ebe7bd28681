package io.newsstream.processor.enrich;

/**
 * Derives an {@link Enrichment} from a submitted article. Implementations are thread-safe and
 * deterministic apart from nothing: the same input always gives the same enrichment, so that
 * content hashes and SimHashes of re-submissions match. Throws {@link IllegalArgumentException}
 * for input that cannot be enriched (for example a URL that does not parse); the topology sends
 * such records to the dead-letter topic.
 */
@FunctionalInterface
public interface ArticleEnricher {

  Enrichment enrich(ArticleInput input);
}
