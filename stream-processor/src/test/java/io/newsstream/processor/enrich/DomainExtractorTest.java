package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainExtractorTest {

  private final DomainExtractor extractor = new DomainExtractor();

  @ParameterizedTest
  @CsvSource({
    "www.moneycontrol.com, moneycontrol.com",
    "www.bbc.co.uk, bbc.co.uk",
    "news.bbc.co.uk, bbc.co.uk",
    "bbc.co.uk, bbc.co.uk",
    "edition.cnn.com, cnn.com",
    "www.abc.net.au, abc.net.au",
    "timesofindia.indiatimes.com, indiatimes.com",
    "WWW.LeMonde.FR, lemonde.fr",
    "someblog.blogspot.com, blogspot.com",
    "reuters21578.example, reuters21578.example",
    "www.localhost, localhost",
    "127.0.0.1, 127.0.0.1"
  })
  void shouldFindTheRegistrableDomainAwareOfPublicSuffixes(String host, String expected) {
    // when
    String domain = extractor.registrableDomain(host);

    // then
    assertThat(domain).isEqualTo(expected);
  }
}
