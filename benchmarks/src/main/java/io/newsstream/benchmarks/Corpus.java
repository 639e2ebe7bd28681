package io.newsstream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Reuters-21578 corpus ({@code ../shared/corpus/reuters21578.jsonl}, one JSON object a
 * line) into {@link CorpusArticle}s, skipping items no scraper would submit: an empty title or
 * body, and the headline-only items whose body is the placeholder {@code Blah blah blah.} (after a
 * repeated headline line in the file).
 */
public final class Corpus {

  /** The corpus file relative to the repository root. */
  public static final String DEFAULT_LOCATION = "../shared/corpus/reuters21578.jsonl";

  static final String PLACEHOLDER_BODY = "Blah blah blah.";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Corpus() {}

  /** The corpus under {@code repoRoot}, see {@link #DEFAULT_LOCATION}. */
  public static Path defaultPath(Path repoRoot) {
    return repoRoot.resolve(DEFAULT_LOCATION).normalize();
  }

  /** Every usable article of {@code file}, in file order. */
  public static List<CorpusArticle> load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("corpus not found: " + file + " (pass --corpus PATH)");
    }
    List<CorpusArticle> articles = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        CorpusArticle article = parse(JSON.readTree(line));
        if (article != null) {
          articles.add(article);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus " + file, e);
    }
    if (articles.isEmpty()) {
      throw new IllegalArgumentException("no usable article in " + file);
    }
    return articles;
  }

  /** The article of one corpus line, or null when it is not usable. */
  static CorpusArticle parse(JsonNode node) {
    String title = text(node, "title");
    String body = text(node, "body");
    String url = text(node, "url");
    if (title == null || title.isBlank() || body == null || body.isBlank() || url == null
        || body.strip().endsWith(PLACEHOLDER_BODY)) {
      return null;
    }
    return new CorpusArticle(
        text(node, "id"), url, title.strip(), body, text(node, "publishedAt"), blankToNull(text(node, "author")),
        blankToNull(text(node, "source")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
