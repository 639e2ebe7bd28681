package io.newsstream.benchmarks;

/**
 * One usable article of the Reuters-21578 corpus, in the fields ingest-service accepts.
 *
 * @param id corpus id, e.g. {@code reuters21578-1}
 * @param url the corpus URL (the harnesses make it unique per submission)
 * @param title headline
 * @param body full text
 * @param publishedAt ISO-8601 instant, or null
 * @param author byline, or null
 * @param source outlet name, or null
 */
public record CorpusArticle(
    String id, String url, String title, String body, String publishedAt, String author, String source) {}
