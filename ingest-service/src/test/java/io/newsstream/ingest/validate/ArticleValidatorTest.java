package io.newsstream.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsstream.schemas.url.UrlCanonicalizer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleValidatorTest {

  static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  final ArticleValidator validator =
      new ArticleValidator(new ValidationConfiguration(), Clock.fixed(NOW, ZoneOffset.UTC));

  static ArticleInput valid() {
    return new ArticleInput().url("https://news.example/a").title("Title").body("Body text");
  }

  static String rulesOf(ArticleValidator.Result r, String field) {
    return r.violations().stream().filter(v -> v.field().equals(field)).map(Violation::rule).findFirst().orElse(null);
  }

  @Test
  void shouldAcceptAMinimalArticle() {
    // when
    ArticleValidator.Result result = validator.validate(valid());
    // then
    assertThat(result.isValid()).isTrue();
    assertThat(result.article().url()).isEqualTo("https://news.example/a");
    assertThat(result.article().publishedAt()).isNull();
    assertThat(result.article().attributes()).isEmpty();
  }

  @Test
  void shouldReportEveryBrokenRuleAtOnce() {
    // given
    ArticleInput in = new ArticleInput().url("news.example/a").title("").body(null).language("xx");
    // when
    ArticleValidator.Result result = validator.validate(in);
    // then
    assertThat(result.violations()).extracting(Violation::field).containsExactly("url", "title", "body", "language");
    assertThat(result.violations()).extracting(Violation::rule)
        .containsExactly("absolute-http-url", "not-blank", "required", "iso-639-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://news.example/a", "mailto:a@b.example", "https:///nohost", "/relative", "http//x"})
  void shouldRejectUrlsThatAreNotAbsoluteHttp(String url) {
    assertThat(rulesOf(validator.validate(valid().url(url)), "url")).isEqualTo("absolute-http-url");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://b\u00fccher.example/x", "https://\u4f8b\u5b50.\u4e2d\u56fd/\u65b0\u95fb"})
  void shouldAcceptUrlsWithAnInternationalisedHostAndKeepThemAsSent(String url) {
    // when
    ArticleValidator.Result result = validator.validate(valid().url(url));
    // then
    assertThat(result.violations()).isEmpty();
    assertThat(result.article().url()).isEqualTo(url);
    assertThat(UrlCanonicalizer.DEFAULT.canonicalize(url)).startsWith("https://xn--");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com:99999/x", "https://example.com:0/x", "http://example.com:65536/"})
  void shouldRejectAPortOutsideOneTo65535(String url) {
    // when
    ArticleValidator.Result result = validator.validate(valid().url(url));
    // then
    assertThat(rulesOf(result, "url")).isEqualTo("port-range");
    assertThat(result.violations().get(0).message()).contains("65535");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://user:pw@example.com/x", "https://user@example.com/x", "https://user:pw@b\u00fccher.example/x"})
  void shouldRejectAUserNameOrPasswordInTheUrlWithoutEchoingIt(String url) {
    // when
    ArticleValidator.Result result = validator.validate(valid().url(url));
    // then
    assertThat(rulesOf(result, "url")).isEqualTo("no-credentials");
    assertThat(result.violations().get(0).message()).doesNotContain(url).doesNotContain("pw");
  }

  @Test
  void shouldRejectUrlsLongerThan2048Characters() {
    // given
    String base = "https://news.example/";
    String ok = base + "a".repeat(2048 - base.length());
    // then
    assertThat(validator.validate(valid().url(ok)).isValid()).isTrue();
    assertThat(rulesOf(validator.validate(valid().url(ok + "a")), "url")).isEqualTo("max-length");
  }

  @Test
  void shouldBoundTitleAndBodyLengthInCharactersNotBytes() {
    // given: 1000 characters outside the BMP are 2000 UTF-16 units
    String title = "\uD83D\uDCF0".repeat(1000);
    // then
    assertThat(validator.validate(valid().title(title)).isValid()).isTrue();
    assertThat(rulesOf(validator.validate(valid().title(title + "x")), "title")).isEqualTo("max-length");
    assertThat(validator.validate(valid().body("b".repeat(1_000_000))).isValid()).isTrue();
    assertThat(rulesOf(validator.validate(valid().body("b".repeat(1_000_001))), "body")).isEqualTo("max-length");
  }

  @Test
  void shouldAcceptIsoDateTimesWithOffsetAndPlainDates() {
    assertThat(validator.validate(valid().publishedAt("2019-11-06T08:30:00+05:30")).article().publishedAt())
        .isEqualTo(Instant.parse("2019-11-06T03:00:00Z"));
    assertThat(validator.validate(valid().publishedAt("2019-11-06")).article().publishedAt())
        .isEqualTo(Instant.parse("2019-11-06T00:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2019-11-06T08:30:00", "06/11/2019", "yesterday", "2019-13-01"})
  void shouldRejectDatesWithoutOffsetOrNotIso(String value) {
    assertThat(rulesOf(validator.validate(valid().publishedAt(value)), "publishedAt")).isEqualTo("iso-8601");
  }

  @Test
  void shouldRejectPublicationMoreThan24HoursAhead() {
    assertThat(validator.validate(valid().publishedAt("2024-05-02T11:59:00Z")).isValid()).isTrue();
    assertThat(rulesOf(validator.validate(valid().publishedAt("2024-05-02T12:01:00Z")), "publishedAt"))
        .isEqualTo("not-in-future");
    assertThat(validator.validate(valid().publishedAt("2024-05-02T12:01:00Z")).violations())
        .extracting(Violation::message)
        .containsExactly("must not be more than 24 h in the future");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0001-01-01T00:00:00Z", "1799-12-31T23:59:59Z", "1799-12-31", "1800-01-01T04:00:00+05:00"})
  void shouldRejectPublicationBefore1800(String value) {
    // when
    ArticleValidator.Result result = validator.validate(valid().publishedAt(value));
    // then
    assertThat(result.violations()).extracting(Violation::field, Violation::rule, Violation::message)
        .containsExactly(tuple("publishedAt", "not-too-old", "must not be before 1800-01-01"));
  }

  @Test
  void shouldAcceptPublicationFromTheEarliestDayOn() {
    assertThat(validator.validate(valid().publishedAt("1800-01-01")).article().publishedAt())
        .isEqualTo(Instant.parse("1800-01-01T00:00:00Z"));
    assertThat(validator.validate(valid().publishedAt("1987-02-26T15:01:01Z")).isValid()).isTrue();
  }

  @Test
  void shouldTakeTheEarliestPublicationDateFromConfiguration() {
    // given
    ValidationConfiguration config = new ValidationConfiguration();
    config.setEarliestPublishedAt(java.time.LocalDate.of(1950, 1, 1));
    ArticleValidator strict = new ArticleValidator(config, Clock.fixed(NOW, ZoneOffset.UTC));
    // when
    ArticleValidator.Result result = strict.validate(valid().publishedAt("1949-12-31"));
    // then
    assertThat(rulesOf(result, "publishedAt")).isEqualTo("not-too-old");
    assertThat(result.violations().get(0).message()).isEqualTo("must not be before 1950-01-01");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void shouldRejectABlankPublicationDateButAcceptAnAbsentOne(String value) {
    // when
    ArticleValidator.Result blank = validator.validate(valid().publishedAt(value));
    ArticleValidator.Result absent = validator.validate(valid().publishedAt(null));
    // then
    assertThat(blank.violations()).extracting(Violation::field, Violation::rule)
        .containsExactly(tuple("publishedAt", "not-blank"));
    assertThat(absent.isValid()).isTrue();
    assertThat(absent.article().publishedAt()).isNull();
  }

  @Test
  void shouldNormaliseLanguageCodesAndRejectUnknownOnes() {
    assertThat(validator.validate(valid().language("EN")).article().language()).isEqualTo("en");
    assertThat(rulesOf(validator.validate(valid().language("eng")), "language")).isEqualTo("iso-639-1");
    assertThat(rulesOf(validator.validate(valid().language("zz")), "language")).isEqualTo("iso-639-1");
  }

  @Test
  void shouldAllowAtMostFiftyAttributes() {
    // given
    Map<String, String> fifty = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      fifty.put("k" + i, "v");
    }
    Map<String, String> fiftyOne = new LinkedHashMap<>(fifty);
    fiftyOne.put("k50", "v");
    // then
    assertThat(validator.validate(valid().attributes(fifty)).isValid()).isTrue();
    assertThat(rulesOf(validator.validate(valid().attributes(fiftyOne)), "attributes")).isEqualTo("max-entries");
  }

  @Test
  void shouldRejectControlCharactersButKeepNewlinesAndTabs() {
    assertThat(validator.validate(valid().body("line one\nline\ttwo\r\n")).isValid()).isTrue();
    assertThat(rulesOf(validator.validate(valid().body("bell \u0007")), "body")).isEqualTo("no-control-chars");
    assertThat(rulesOf(validator.validate(valid().title("nul \u0000")), "title")).isEqualTo("no-control-chars");
    assertThat(rulesOf(validator.validate(valid().attributes(Map.of("k", "\u0085"))), "attributes.k"))
        .isEqualTo("no-control-chars");
  }

  @Test
  void shouldRejectUnpairedSurrogates() {
    assertThat(rulesOf(validator.validate(valid().title("broken \uD800 text")), "title")).isEqualTo("utf-8");
  }

  @Test
  void shouldKeepParseViolationsOfTheReader() {
    // given
    ArticleInput in = valid().addViolation(new Violation("tittle", "unknown-field", "unknown field 'tittle'"));
    // then
    assertThat(validator.validate(in).violations()).extracting(Violation::field).containsExactly("tittle");
  }

  @Test
  void shouldReportAFieldOfTheWrongTypeOnceAndNotAlsoAsRequired() throws Exception {
    // given
    ArticleInput in = new JsonArticleReader(true, 1_000_000).readSingle(new java.io.ByteArrayInputStream(
        "{\"url\":\"https://news.example/a\",\"title\":5,\"body\":[\"b\"]}".getBytes(StandardCharsets.UTF_8)));
    // when
    ArticleValidator.Result result = validator.validate(in);
    // then
    assertThat(result.violations()).extracting(Violation::field, Violation::rule)
        .containsExactly(tuple("title", "type"), tuple("body", "type"));
  }

  @Test
  void shouldReportEachMissingMarkdownLineOnceWhenJsonIsSentAsMarkdown() {
    // given
    ArticleInput in = new MarkdownArticleReader()
        .read("{\"url\":\"https://news.example/a\",\"title\":\"T\",\"body\":\"B\"}");
    // when
    ArticleValidator.Result result = validator.validate(in);
    // then
    assertThat(result.violations()).extracting(Violation::field)
        .containsExactly("title", "publishedAt", "author", "url");
    assertThat(result.violations()).extracting(Violation::rule).containsOnly("missing-line");
  }
}
