package io.newsstream.processor.enrich.tools;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsstream.processor.enrich.ArticleInput;
import io.newsstream.processor.enrich.DefaultArticleEnricher;
import io.newsstream.processor.enrich.Enrichment;
import io.newsstream.processor.enrich.EnrichmentConfig;
import io.newsstream.processor.enrich.LanguageDetector;
import io.newsstream.processor.enrich.NamedEntity;
import io.newsstream.processor.enrich.TopicClassifier;
import io.newsstream.processor.enrich.TopicMatch;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Properties;

/**
 * Enriches articles as stream-processor does, without Kafka ({@code ./newsstream enrich}), and
 * prints each result as one JSON object a line; with {@code --explain}, also the taxonomy terms
 * behind its topics. For trying a taxonomy or another enrichment setting on articles before
 * deploying it: {@code --config} takes the same {@code enrich.*} keys as the processor.
 *
 * <p>Input: files (or standard input) holding JSON objects shaped like the body of {@code POST
 * /v1/articles} ({@code url}, {@code title}, {@code body}, {@code language}; other fields are
 * ignored): one object, an array of them, or one object a line. An article that cannot be
 * enriched (no absolute http(s) URL) and malformed JSON are reported on standard error with the
 * file and the article's position, and the others are still enriched; the exit code is then 1.
 * Every {@value #PROGRESS_EVERY} articles a progress line goes to standard error. Never called
 * by the application.
 */
public final class EnrichArticles {

  static final String USAGE =
      """
      usage: ./newsstream enrich [--explain] [--config FILE] [FILE ...]
        Enriches articles as stream-processor does (no broker needed) and prints each result as
        one JSON object a line.
        FILE       JSON articles shaped like the body of POST /v1/articles (url, title, body,
                   language): one object, an array of them, or one object a line; '-' or no
                   FILE reads standard input
        --explain  also list the taxonomy terms behind the topics: topic, term ('*' marks a
                   prefix), weight, mentions in the body and in the title, and what the term
                   added to its topic's score
        --config FILE
                   a properties file of enrich.* settings, as the processor takes them
                   (enrich.topics.<topic>.terms=..., enrich.topics.threshold=...; see
                   stream-processor/ENRICHMENT.md)
      """;

  private EnrichArticles() {}

  public static void main(String[] args) {
    LanguageDetector.runLinguaInCallingThreads();
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs the command; returns its exit code (0 all enriched, 1 some failed, 2 a usage error). */
  static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
    return run(args, stdin, out, err, PROGRESS_EVERY);
  }

  /** As {@link #run(String[], InputStream, PrintStream, PrintStream)}, with a progress line every {@code progressEvery} articles. */
  static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, int progressEvery) {
    boolean explain = false;
    Path config = null;
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--explain" -> explain = true;
        case "--config" -> {
          if (i + 1 == args.length) {
            err.println("--config needs a file");
            err.print(USAGE);
            return 2;
          }
          config = Path.of(args[++i]);
        }
        case "--help", "-h" -> {
          out.print(USAGE);
          return 0;
        }
        default -> {
          if (args[i].startsWith("--")) {
            err.println("unknown option: " + args[i]);
            err.print(USAGE);
            return 2;
          }
          files.add(args[i]);
        }
      }
    }
    DefaultArticleEnricher enricher;
    try {
      EnrichmentConfig settings = config == null ? EnrichmentConfig.defaults() : EnrichmentConfig.fromProperties(load(config));
      // The enricher's steps refuse settings they cannot work with too.
      enricher = new DefaultArticleEnricher(settings);
    } catch (NoSuchFileException e) {
      err.println("no such file: " + config);
      return 2;
    } catch (IOException | IllegalArgumentException e) {
      err.println(config == null ? e.getMessage() : config + ": " + e.getMessage());
      return 2;
    }
    if (files.isEmpty()) {
      files.add("-");
    }
    ObjectMapper mapper = new ObjectMapper();
    int failures = 0;
    int enriched = 0;
    long start = System.nanoTime();
    for (String file : files) {
      try (InputStream in = file.equals("-") ? nonClosing(stdin) : Files.newInputStream(Path.of(file));
          Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
          JsonParser parser = mapper.getFactory().createParser(reader)) {
        String name = file.equals("-") ? "<stdin>" : file;
        int position = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
          if (token == JsonToken.START_ARRAY || token == JsonToken.END_ARRAY) {
            continue; // the articles of an array are read one by one
          }
          position++;
          JsonNode article;
          try {
            article = mapper.readTree(parser);
          } catch (JsonProcessingException e) {
            err.println(name + ": article " + position + ": malformed JSON: " + jsonProblem(e));
            failures++;
            break; // the rest of the file cannot be read reliably
          }
          if (article == null || !article.isObject()) {
            err.println(name + ": article " + position + ": not a JSON object");
            failures++;
            continue;
          }
          try {
            out.println(mapper.writeValueAsString(render(mapper, enricher, article, explain)));
            if (++enriched % progressEvery == 0) {
              err.println(progress(enriched, failures, start));
            }
          } catch (IllegalArgumentException e) {
            err.println(name + ": article " + position + ": " + e.getMessage());
            failures++;
          }
        }
      } catch (NoSuchFileException e) {
        err.println("no such file: " + file);
        failures++;
      } catch (JsonProcessingException e) {
        err.println(file + ": malformed JSON: " + jsonProblem(e));
        failures++;
      } catch (IOException e) {
        err.println(file + ": " + e.getMessage());
        failures++;
      }
    }
    if (enriched + failures >= progressEvery) {
      err.println(progress(enriched, failures, start) + ", done");
    }
    return failures == 0 ? 0 : 1;
  }

  /** A progress line goes to standard error after this many articles, and a summary at the end. */
  static final int PROGRESS_EVERY = 10_000;

  private static String progress(int enriched, int failures, long startNanos) {
    double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    return String.format(
        Locale.ROOT,
        "enriched %,d articles in %.1f s (%,.0f/s)%s",
        enriched,
        seconds,
        enriched / seconds,
        failures == 0 ? "" : String.format(Locale.ROOT, "; %,d could not be enriched", failures));
  }

  private static Map<String, String> load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    Map<String, String> map = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
    return map;
  }

  private static ObjectNode render(ObjectMapper mapper, DefaultArticleEnricher enricher, JsonNode article, boolean explain) {
    ArticleInput input =
        new ArticleInput(
            text(article, "url"), text(article, "title"), text(article, "body"), text(article, "language"));
    Enrichment e = enricher.enrich(input);
    ObjectNode node = mapper.createObjectNode();
    node.put("url", input.url());
    node.put("canonicalUrl", e.canonicalUrl());
    node.put("articleId", e.articleId());
    node.put("domain", e.domain());
    node.put("language", e.language());
    node.put("languageConfidence", e.languageConfidence());
    node.put("wordCount", e.wordCount());
    node.put("readingTimeSeconds", e.readingTimeSeconds());
    ArrayNode topics = node.putArray("topics");
    for (TopicMatch topic : e.topics()) {
      topics.addObject().put("name", topic.name()).put("score", topic.score());
    }
    ArrayNode keywords = node.putArray("keywords");
    e.keywords().forEach(keywords::add);
    ArrayNode entities = node.putArray("entities");
    for (NamedEntity entity : e.entities()) {
      entities.addObject().put("text", entity.text()).put("type", entity.type());
    }
    node.put("contentHash", e.contentHash());
    node.put("simhash", e.simhash());
    node.put("title", e.title());
    node.put("body", e.body());
    if (explain) {
      ArrayNode terms = node.putArray("terms");
      for (TopicClassifier.TermMatch m : enricher.explainTopics(e, input.declaredLanguage())) {
        terms
            .addObject()
            .put("topic", m.topic())
            .put("term", m.term())
            .put("weight", m.weight())
            .put("body", m.bodyCount())
            .put("title", m.titleCount())
            .put("score", Math.round(m.score() * 1000.0) / 1000.0);
      }
    }
    return node;
  }

  private static String text(JsonNode article, String field) {
    JsonNode value = article.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** Standard input, left open when the reader over it is closed. */
  private static InputStream nonClosing(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }

  /** Jackson's note of where the value it could not finish opened. */
  private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at \\[.*?line: (\\d+), column: (\\d+)\\]\\)");

  /**
   * The parser's complaint and where it is, without Jackson's source description ({@code (start
   * marker at [Source: REDACTED …; line: 2, column: 23])} becomes {@code (opened at line 2, column
   * 23)}).
   */
  static String jsonProblem(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    Matcher marker = START_MARKER.matcher(message);
    if (marker.find()) {
      message = message.substring(0, marker.start()) + " (opened at line " + marker.group(1) + ", column " + marker.group(2) + ")"
          + message.substring(marker.end());
    }
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1 ? message : message + ", at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }
}
