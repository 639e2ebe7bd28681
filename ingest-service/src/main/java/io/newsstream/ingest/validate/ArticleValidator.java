package io.newsstream.ingest.validate;

import io.newsstream.schemas.config.Durations;
import io.newsstream.schemas.url.UrlCanonicalizer;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies the ingest contract's rules to an {@link ArticleInput}: every field is checked and
 * every broken rule reported, so a client fixes all of them in one round trip. Thread-safe.
 */
@Singleton
public class ArticleValidator {

  private static final int MAX_PORT = 65_535;

  private static final Set<String> ISO_639_1 =
      Arrays.stream(Locale.getISOLanguages()).collect(Collectors.toUnmodifiableSet());

  private final ValidationConfiguration config;
  private final Clock clock;

  public ArticleValidator(ValidationConfiguration config) {
    this(config, Clock.systemUTC());
  }

  /** For tests that need a fixed clock. */
  public ArticleValidator(ValidationConfiguration config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** The outcome of validating one article: exactly one of the two is meaningful. */
  public record Result(ValidArticle article, List<Violation> violations) {
    public boolean isValid() {
      return violations.isEmpty();
    }
  }

  public Result validate(ArticleInput in) {
    List<Violation> v = new ArrayList<>(in.parseViolations());
    // A field the reader already reported (wrong JSON type, missing or malformed markdown line)
    // holds no value to check: its rules would only repeat that error as "required".
    Set<String> reported = in.parseViolations().stream().map(Violation::field).collect(Collectors.toSet());
    if (!reported.contains("id")) {
      checkId(in.id(), "id", v);
    }
    String url = reported.contains("url") ? null : checkUrl(in.url(), v);
    String title = reported.contains("title")
        ? null : checkRequiredText("title", in.title(), config.getMaxTitleLength(), v);
    String body = reported.contains("body") ? null : checkRequiredText("body", in.body(), config.getMaxBodyLength(), v);
    String author = reported.contains("author")
        ? null : checkOptionalText("author", in.author(), config.getMaxNameLength(), v);
    String source = reported.contains("source")
        ? null : checkOptionalText("source", in.source(), config.getMaxNameLength(), v);
    Instant publishedAt = reported.contains("publishedAt") ? null : checkPublishedAt(in.publishedAt(), v);
    String language = reported.contains("language") ? null : checkLanguage(in.language(), v);
    Map<String, String> attributes = reported.contains("attributes") ? Map.of() : checkAttributes(in.attributes(), v);
    if (!v.isEmpty()) {
      return new Result(null, List.copyOf(v));
    }
    return new Result(
        new ValidArticle(in.id(), url, title, body, author, publishedAt, source, language, attributes), List.of());
  }

  /**
   * Checks a client-supplied id ({@code id} field or {@code Idempotency-Key} header): 1 to
   * max-id-length visible ASCII characters. Adds to {@code v} and returns false when invalid.
   */
  public boolean checkId(String id, String field, List<Violation> v) {
    if (id == null) {
      return true;
    }
    if (id.isEmpty() || id.length() > config.getMaxIdLength()) {
      v.add(new Violation(field, "length", "must be 1 to " + config.getMaxIdLength() + " characters"));
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        v.add(new Violation(field, "visible-ascii", "must contain only visible ASCII characters"));
        return false;
      }
    }
    return true;
  }

  private String checkUrl(String url, List<Violation> v) {
    if (url == null || url.isEmpty()) {
      v.add(new Violation("url", "required", "url is required"));
      return null;
    }
    if (url.length() > config.getMaxUrlLength()) {
      v.add(new Violation("url", "max-length", "must be at most " + config.getMaxUrlLength() + " characters"));
      return null;
    }
    if (!noControlChars("url", url, v)) {
      return null;
    }
    URI uri;
    try {
      // An internationalised host is a host: parse its ASCII form, as the record key is made.
      uri = new URI(UrlCanonicalizer.withAsciiHost(url));
    } catch (URISyntaxException e) {
      v.add(new Violation("url", "absolute-http-url", "is not a valid URL: " + e.getReason()));
      return null;
    } catch (IllegalArgumentException e) {
      v.add(new Violation("url", "absolute-http-url", "the host is not a valid domain name"));
      return null;
    }
    String scheme = uri.getScheme();
    if (!uri.isAbsolute() || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      v.add(new Violation("url", "absolute-http-url", "must be an absolute http or https URL with a host"));
      return null;
    }
    String authority = uri.getRawAuthority();
    if (uri.getRawUserInfo() != null || (authority != null && authority.contains("@"))) {
      // The URL is published as it came: a user name or password in it would be handed to
      // every consumer of the topics.
      v.add(new Violation("url", "no-credentials",
          "must not contain a user name or password (user:password@): the URL is published as sent"));
      return null;
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      v.add(new Violation("url", "absolute-http-url", "must be an absolute http or https URL with a host"));
      return null;
    }
    if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
      v.add(new Violation("url", "port-range", "the port must be between 1 and " + MAX_PORT + ", was " + uri.getPort()));
      return null;
    }
    return url;
  }

  private String checkRequiredText(String field, String value, int max, List<Violation> v) {
    if (value == null) {
      v.add(new Violation(field, "required", field + " is required"));
      return null;
    }
    if (value.isBlank()) {
      v.add(new Violation(field, "not-blank", field + " must contain at least one visible character"));
      return null;
    }
    return checkLength(field, value, max, v) && noControlChars(field, value, v) ? value : null;
  }

  private String checkOptionalText(String field, String value, int max, List<Violation> v) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return checkLength(field, value, max, v) && noControlChars(field, value, v) ? value : null;
  }

  private boolean checkLength(String field, String value, int max, List<Violation> v) {
    // Cheap bound first: code points never exceed UTF-16 units.
    if (value.length() > max && value.codePointCount(0, value.length()) > max) {
      v.add(new Violation(field, "max-length", field + " must be at most " + max + " characters"));
      return false;
    }
    return true;
  }

  private Instant checkPublishedAt(String value, List<Violation> v) {
    if (value == null) {
      return null;
    }
    if (value.isBlank()) {
      // Absent or null says the date is unknown; an empty string is more likely a scraper that
      // failed to find it, and is refused rather than taken as unknown.
      v.add(new Violation(
          "publishedAt", "not-blank", "must be a date, or null or left out when the date is not known"));
      return null;
    }
    Instant instant;
    try {
      if (value.length() == 10) {
        instant = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
      } else {
        instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      }
    } catch (DateTimeParseException e) {
      v.add(new Violation(
          "publishedAt",
          "iso-8601",
          "must be an ISO-8601 date-time with offset (2019-11-06T08:30:00+05:30) or a date (2019-11-06)"));
      return null;
    }
    Instant earliest = config.getEarliestPublishedAt().atStartOfDay(ZoneOffset.UTC).toInstant();
    if (instant.isBefore(earliest)) {
      v.add(new Violation("publishedAt", "not-too-old", "must not be before " + config.getEarliestPublishedAt()));
      return null;
    }
    Instant latest = clock.instant().plus(config.getMaxFutureSkew());
    if (instant.isAfter(latest)) {
      v.add(new Violation(
          "publishedAt", "not-in-future", "must not be more than " + Durations.readable(config.getMaxFutureSkew()) + " in the future"));
      return null;
    }
    return instant;
  }

  private String checkLanguage(String value, List<Violation> v) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.length() != 2 || !ISO_639_1.contains(lower)) {
      v.add(new Violation("language", "iso-639-1", "must be a two-letter ISO 639-1 code such as 'en'"));
      return null;
    }
    return lower;
  }

  private Map<String, String> checkAttributes(Map<String, String> attributes, List<Violation> v) {
    if (attributes == null || attributes.isEmpty()) {
      return Map.of();
    }
    if (attributes.size() > config.getMaxAttributes()) {
      v.add(new Violation("attributes", "max-entries", "must have at most " + config.getMaxAttributes() + " pairs"));
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      String field = "attributes." + e.getKey();
      if (e.getKey().isEmpty() || e.getKey().length() > config.getMaxAttributeKeyLength()) {
        v.add(new Violation(field, "key-length", "keys must be 1 to " + config.getMaxAttributeKeyLength() + " characters"));
      } else if (e.getValue().length() > config.getMaxAttributeValueLength()) {
        v.add(new Violation(field, "max-length", "values must be at most " + config.getMaxAttributeValueLength() + " characters"));
      } else if (noControlChars(field, e.getKey(), v) && noControlChars(field, e.getValue(), v)) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /**
   * Rejects C0 and C1 control characters other than tab, line feed and carriage return (the
   * latter so CRLF line ends are accepted), and unpaired surrogates.
   */
  static boolean noControlChars(String field, String value, List<Violation> v) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
        v.add(new Violation(
            field,
            "no-control-chars",
            String.format(Locale.ROOT, "contains control character U+%04X at position %d", (int) c, i)));
        return false;
      }
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c)
            && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1));
        if (!paired) {
          v.add(new Violation(field, "utf-8", "contains an unpaired surrogate at position " + i));
          return false;
        }
        i++;
      }
    }
    return true;
  }
}
