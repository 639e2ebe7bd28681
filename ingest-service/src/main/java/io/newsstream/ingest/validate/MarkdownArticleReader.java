package io.newsstream.ingest.validate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the upstream scrapers' markdown format into an {@link ArticleInput}:
 *
 * <pre>
 * # Title
 *
 * Published at: **2019-11-06T00:00:00+00:00**
 *
 * Author: **name**            (empty bold: no author)
 *
 * Original: [Outlet](https://...)
 *
 * body ...
 * </pre>
 *
 * Header lines may be separated by blank lines. A missing or malformed header line is a
 * violation that names the line; the body is everything after the header, with leading blank
 * lines and trailing white space removed. Thread-safe.
 */
public final class MarkdownArticleReader {

  static final String TITLE_LINE = "# Title";
  static final String PUBLISHED_LINE = "Published at: **ISO-8601**";
  static final String AUTHOR_LINE = "Author: **name**";
  static final String ORIGINAL_LINE = "Original: [Outlet](url)";

  private static final Pattern BOLD = Pattern.compile("\\*\\*(.*)\\*\\*");
  private static final Pattern LINK = Pattern.compile("\\[(.*)]\\((\\S*)\\)");

  /** Decodes {@code in} as strict UTF-8 and reads the article. */
  public ArticleInput read(InputStream in) throws MalformedBodyException, IOException {
    byte[] bytes = in.readAllBytes();
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedBodyException("utf-8", "the body is not valid UTF-8");
    }
    return read(text);
  }

  public ArticleInput read(String text) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    ArticleInput article = new ArticleInput();
    boolean title = false;
    boolean published = false;
    boolean author = false;
    boolean original = false;
    int pos = 0;
    int bodyStart = text.length();
    while (pos < text.length()) {
      int end = text.indexOf('\n', pos);
      int next = end < 0 ? text.length() : end + 1;
      String line = text.substring(pos, end < 0 ? text.length() : end).strip();
      if (line.isEmpty()) {
        pos = next;
        continue;
      }
      if (!title && line.startsWith("# ")) {
        title = true;
        article.title(line.substring(2).strip());
      } else if (!published && line.startsWith("Published at:")) {
        published = true;
        String value = bold(line, "Published at:");
        if (value == null) {
          article.addViolation(malformedLine("publishedAt", PUBLISHED_LINE));
        } else if (!value.isEmpty()) {
          article.publishedAt(value);
        }
      } else if (!author && line.startsWith("Author:")) {
        author = true;
        String value = bold(line, "Author:");
        if (value == null) {
          article.addViolation(malformedLine("author", AUTHOR_LINE));
        } else if (!value.isEmpty()) {
          article.author(value);
        }
      } else if (!original && line.startsWith("Original:")) {
        original = true;
        Matcher m = LINK.matcher(line.substring("Original:".length()).strip());
        if (!m.matches()) {
          article.addViolation(malformedLine("url", ORIGINAL_LINE));
        } else {
          article.source(m.group(1).strip().isEmpty() ? null : m.group(1).strip());
          article.url(m.group(2));
        }
      } else {
        bodyStart = pos;
        break;
      }
      pos = next;
    }
    if (!title) {
      article.addViolation(missingLine("title", TITLE_LINE));
    }
    if (!published) {
      article.addViolation(missingLine("publishedAt", PUBLISHED_LINE));
    }
    if (!author) {
      article.addViolation(missingLine("author", AUTHOR_LINE));
    }
    if (!original) {
      article.addViolation(missingLine("url", ORIGINAL_LINE));
    }
    String body = text.substring(bodyStart).stripTrailing();
    article.body(body.isEmpty() ? null : body);
    return article;
  }

  private static String bold(String line, String prefix) {
    Matcher m = BOLD.matcher(line.substring(prefix.length()).strip());
    return m.matches() ? m.group(1).strip() : null;
  }

  private static Violation missingLine(String field, String line) {
    return new Violation(field, "missing-line", "the header line '" + line + "' is missing");
  }

  private static Violation malformedLine(String field, String line) {
    return new Violation(field, "line-format", "the header line must look like '" + line + "'");
  }
}
