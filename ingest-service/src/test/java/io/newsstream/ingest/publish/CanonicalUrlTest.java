package io.newsstream.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

  @Test
  void shouldLowerCaseSchemeAndHostAndDropDefaultPortFragmentAndTracking() {
    assertThat(CanonicalUrl.of("HTTPS://WWW.Example.COM:443/Path/A?utm_source=x&b=2&fbclid=y&a=1#frag"))
        .isEqualTo("https://www.example.com/Path/A?a=1&b=2");
    assertThat(CanonicalUrl.of("http://example.com:80")).isEqualTo("http://example.com/");
    assertThat(CanonicalUrl.of("http://example.com:8080/x?gclid=1")).isEqualTo("http://example.com:8080/x");
  }

  @Test
  void shouldKeepPercentEncodingAndWww() {
    assertThat(CanonicalUrl.of("https://www.example.com/a%20b?q=a%26b"))
        .isEqualTo("https://www.example.com/a%20b?q=a%26b");
  }

  @Property
  void shouldBeIdempotent(@ForAll("urls") String url) {
    String once = CanonicalUrl.of(url);
    assertThat(CanonicalUrl.of(once)).isEqualTo(once);
  }

  @Property
  void shouldNotDependOnParameterOrderOrTrackingParameters(@ForAll("urls") String url) {
    // given: the same URL with a tracking parameter appended and its query reversed
    String[] parts = url.split("\\?", 2);
    String reordered = parts.length == 1
        ? url + "?utm_campaign=x"
        : parts[0] + "?" + String.join("&", reverse(parts[1].split("&"))) + "&utm_medium=y";
    // then
    assertThat(CanonicalUrl.of(reordered)).isEqualTo(CanonicalUrl.of(url));
  }

  private static String[] reverse(String[] a) {
    String[] r = new String[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[a.length - 1 - i];
    }
    return r;
  }

  @Provide
  Arbitrary<String> urls() {
    Arbitrary<String> scheme = Arbitraries.of("http", "https", "HTTP", "Https");
    Arbitrary<String> host = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10)
        .map(s -> s + ".example");
    Arbitrary<String> path = Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(8).map(s -> "/" + s);
    Arbitrary<String> query = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(4)
        .list().ofMaxSize(4).uniqueElements()
        .map(names -> names.isEmpty() ? "" : "?" + String.join("&", names.stream().map(n -> n + "=" + n.length()).toList()));
    return Combinators.combine(scheme, host, path, query).as((s, h, p, q) -> s + "://" + h + p + q);
  }
}
