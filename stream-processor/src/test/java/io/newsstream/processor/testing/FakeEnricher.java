package io.newsstream.processor.testing;

import io.newsstream.processor.enrich.ArticleEnricher;
import io.newsstream.processor.enrich.ArticleInput;
import io.newsstream.processor.enrich.Enrichment;
import io.newsstream.processor.enrich.TopicMatch;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A predictable enricher for topology tests, so each test controls exactly what dedup and routing
 * see: the canonical URL drops the query's {@code utm_*} parameters and the fragment; topics are
 * the body's {@code #topic} tags; the SimHash is the body's {@code [simhash:HEX]} marker (else a
 * hash of the body); a URL containing {@code reject} is refused like a real enricher would.
 */
public final class FakeEnricher implements ArticleEnricher {

  private static final Pattern TAG = Pattern.compile("#([a-z]+)");
  private static final Pattern SIMHASH = Pattern.compile("\\[simhash:([0-9a-f]{1,16})]");

  @Override
  public Enrichment enrich(ArticleInput input) {
    if (input.url().contains("reject")) {
      throw new IllegalArgumentException("cannot enrich URL " + input.url());
    }
    String canonical = canonical(input.url());
    List<TopicMatch> topics = new ArrayList<>();
    Matcher tags = TAG.matcher(input.body());
    while (tags.find()) {
      topics.add(new TopicMatch(tags.group(1), 1.0));
    }
    Matcher marker = SIMHASH.matcher(input.body());
    long simhash = marker.find() ? Long.parseUnsignedLong(marker.group(1), 16) : sha(input.body()).hashCode() * 0x9E3779B97F4A7C15L;
    String body = input.body().trim();
    int words = body.split("\\s+").length;
    return new Enrichment(
        "a-" + sha(canonical).substring(0, 16),
        canonical,
        URI.create(canonical).getHost().toLowerCase(Locale.ROOT),
        input.title().trim(),
        body,
        "en",
        0.99,
        words,
        Math.max(1, words * 60 / 230),
        List.of("keyword"),
        List.of(),
        topics,
        sha(input.title() + "\n" + body),
        simhash);
  }

  private static String canonical(String url) {
    URI uri = URI.create(url);
    String query = uri.getQuery() == null
        ? null
        : Arrays.stream(uri.getQuery().split("&")).filter(p -> !p.startsWith("utm_")).sorted().collect(Collectors.joining("&"));
    String base = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + uri.getPath();
    return query == null || query.isEmpty() ? base : base + "?" + query;
  }

  private static String sha(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
