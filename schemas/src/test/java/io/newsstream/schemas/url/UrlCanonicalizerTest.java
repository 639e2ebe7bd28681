package io.newsstream.schemas.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

  private final UrlCanonicalizer canonicalizer =
      UrlCanonicalizer.DEFAULT;

  @Test
  void shouldLowerCaseSchemeAndHostButNotPath() {
    // given
    String url = "HTTPS://WWW.Example.COM/News/Story-1";

    // when
    String canonical = canonicalizer.canonicalize(url);

    // then
    assertThat(canonical).isEqualTo("https://www.example.com/News/Story-1");
  }

  @Test
  void shouldRemoveDefaultPortsFragmentAndTrackingParameters() {
    // given
    String url =
        "http://example.com:80/a?utm_source=x&UTM_Medium=y&fbclid=1&gclid=2&mc_cid=3&mc_eid=4"
            + "&ref_src=twsrc&id=7#comments";

    // when
    String canonical = canonicalizer.canonicalize(url);

    // then
    assertThat(canonical).isEqualTo("http://example.com/a?id=7");
  }

  @Test
  void shouldKeepANonDefaultPort() {
    // given / when / then
    assertThat(canonicalizer.canonicalize("https://example.com:8443/a"))
        .isEqualTo("https://example.com:8443/a");
  }

  @Test
  void shouldSortRemainingParametersByNameThenValue() {
    // given
    String url = "https://example.com/search?q=kafka&b=2&a=1&b=1";

    // when
    String canonical = canonicalizer.canonicalize(url);

    // then
    assertThat(canonical).isEqualTo("https://example.com/search?a=1&b=1&b=2&q=kafka");
  }

  @Test
  void shouldTurnAnEmptyPathIntoSlashAndResolveDotSegments() {
    // given / when / then
    assertThat(canonicalizer.canonicalize("https://example.com")).isEqualTo("https://example.com/");
    assertThat(canonicalizer.canonicalize("https://example.com/a/./b/../c"))
        .isEqualTo("https://example.com/a/c");
  }

  @Test
  void shouldKeepWwwByDefaultAndStripItWhenConfigured() {
    // given
    UrlCanonicalizer stripping = new UrlCanonicalizer(false, Set.of("utm_*"));

    // when / then
    assertThat(canonicalizer.canonicalize("https://www.bbc.co.uk/news"))
        .isEqualTo("https://www.bbc.co.uk/news");
    assertThat(stripping.canonicalize("https://www.bbc.co.uk/news"))
        .isEqualTo("https://bbc.co.uk/news");
  }

  @Test
  void shouldRemoveOnlyTheConfiguredTrackingParameters() {
    // given
    UrlCanonicalizer custom = new UrlCanonicalizer(true, Set.of("sid"));

    // when
    String canonical = custom.canonicalize("https://example.com/?utm_source=x&sid=9");

    // then
    assertThat(canonical).isEqualTo("https://example.com/?utm_source=x");
  }

  @Test
  void shouldDeriveAStable32HexDigitArticleIdFromTheCanonicalUrl() {
    // given
    String canonical = "https://www.example.com/a";

    // when
    String id = UrlCanonicalizer.articleId(canonical);

    // then
    assertThat(id).hasSize(32).matches("[0-9a-f]{32}");
    assertThat(UrlCanonicalizer.articleId(canonical)).isEqualTo(id);
    assertThat(UrlCanonicalizer.articleId(canonical + "b")).isNotEqualTo(id);
  }

  @Test
  void shouldPercentEncodeSpacesAndOtherUnescapedCharacters() {
    // given
    String url = "https://example.com/news/a b|c?q=x y";

    // when
    String canonical = canonicalizer.canonicalize(url);

    // then
    assertThat(canonical).isEqualTo("https://example.com/news/a%20b%7Cc?q=x%20y");
  }

  @Test
  void shouldConvertAnInternationalisedHostToItsAsciiForm() {
    // given / when / then
    assertThat(canonicalizer.canonicalize("https://B\u00fccher.example/x"))
        .isEqualTo("https://xn--bcher-kva.example/x");
    assertThat(canonicalizer.canonicalize("https://\u4f8b\u5b50.\u4e2d\u56fd:8443/\u65b0\u95fb"))
        .isEqualTo("https://xn--fsqu00a.xn--fiqs8s:8443/\u65b0\u95fb");
    assertThat(canonicalizer.canonicalize("https://user@b\u00fccher.example/x"))
        .isEqualTo(canonicalizer.canonicalize("https://xn--bcher-kva.example/x"));
  }

  @Test
  void shouldGiveAUrlWithAnAsciiHostBackAsItCame() {
    // given / when / then
    assertThat(UrlCanonicalizer.withAsciiHost("https://u:p@b\u00fccher.example:8080/\u00fc?q=\u00fc"))
        .isEqualTo("https://u:p@xn--bcher-kva.example:8080/\u00fc?q=\u00fc");
    assertThat(UrlCanonicalizer.withAsciiHost("https://Example.COM/\u00fc")).isEqualTo("https://Example.COM/\u00fc");
    assertThat(UrlCanonicalizer.withAsciiHost("/relative?u=https://b\u00fccher.example/"))
        .isEqualTo("/relative?u=https://b\u00fccher.example/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "not a url", "ftp://example.com/a", "/relative/path", "https://", "http://exa mple.com/"})
  void shouldRejectUrlsThatAreNotAbsoluteHttp(String url) {
    // when / then
    assertThatThrownBy(() -> canonicalizer.canonicalize(url))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
