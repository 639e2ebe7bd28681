package io.newsstream.schemas.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class UrlCanonicalizerPropertiesTest {

  private final UrlCanonicalizer canonicalizer =
      UrlCanonicalizer.DEFAULT;

  record Parts(String scheme, String host, List<String> path, List<String> params) {
    String url(List<String> queryOrder, String extraQuery, String fragment) {
      StringBuilder sb = new StringBuilder(scheme).append("://").append(host);
      for (String segment : path) {
        sb.append('/').append(segment);
      }
      List<String> query = new ArrayList<>(queryOrder);
      if (!extraQuery.isEmpty()) {
        query.add(extraQuery);
      }
      if (!query.isEmpty()) {
        sb.append('?').append(String.join("&", query));
      }
      return sb.append(fragment).toString();
    }
  }

  @Provide
  Arbitrary<Parts> urls() {
    Arbitrary<String> scheme = Arbitraries.of("http", "https", "HTTP", "Https");
    Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> host =
        Combinators.combine(Arbitraries.of("", "www.", "WWW.", "news."), label, Arbitraries.of("com", "co.uk", "de", "IN"))
            .as((prefix, name, tld) -> prefix + name + "." + tld);
    Arbitrary<List<String>> path =
        Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(6).list().ofMaxSize(4);
    Arbitrary<String> param =
        Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5),
                Arbitraries.strings().alpha().numeric().ofMaxLength(5))
            // "p" + letters never names a default tracking parameter
            .as((k, v) -> "p" + k + "=" + v);
    return Combinators.combine(scheme, host, path, param.list().ofMaxSize(4)).as(Parts::new);
  }

  @Property
  void canonicalizingTwiceGivesTheSameUrl(@ForAll("urls") Parts parts) {
    String once = canonicalizer.canonicalize(parts.url(parts.params(), "", ""));
    assertThat(canonicalizer.canonicalize(once)).isEqualTo(once);
  }

  @Property
  void trackingParametersFragmentsAndParameterOrderNeverChangeTheCanonicalUrl(
      @ForAll("urls") Parts parts,
      @ForAll("tracking") String tracking,
      @ForAll("fragments") String fragment,
      @ForAll long seed) {
    List<String> shuffled = new ArrayList<>(parts.params());
    Collections.shuffle(shuffled, new Random(seed));

    String plain = canonicalizer.canonicalize(parts.url(parts.params(), "", ""));
    String decorated = canonicalizer.canonicalize(parts.url(shuffled, tracking, fragment));

    assertThat(decorated).isEqualTo(plain);
    assertThat(UrlCanonicalizer.articleId(decorated)).isEqualTo(UrlCanonicalizer.articleId(plain));
  }

  @Property
  void canonicalUrlsHaveLowerCaseSchemeAndHostAndNoFragment(@ForAll("urls") Parts parts) {
    String canonical = canonicalizer.canonicalize(parts.url(parts.params(), "utm_campaign=x", "#top"));
    String schemeAndHost = canonical.substring(0, canonical.indexOf('/', canonical.indexOf("//") + 2));

    assertThat(schemeAndHost).isEqualTo(schemeAndHost.toLowerCase(java.util.Locale.ROOT));
    assertThat(canonical).doesNotContain("#").doesNotContain("utm_");
  }

  @Provide
  Arbitrary<String> tracking() {
    return Arbitraries.of(
        "", "utm_source=newsletter", "utm_medium=social", "fbclid=IwAR0x", "gclid=abc",
        "mc_cid=1&mc_eid=2", "ref_src=twsrc%5Etfw");
  }

  @Provide
  Arbitrary<String> fragments() {
    return Arbitraries.of("", "#", "#comments", "#section-2");
  }
}
