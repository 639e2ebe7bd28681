package io.newsstream.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MarkdownArticleReaderTest {

  final MarkdownArticleReader reader = new MarkdownArticleReader();

  @Test
  void shouldReadTheScraperSample() throws Exception {
    // given
    Path sample = Path.of(System.getProperty("newsstream.repo.root", ".."), "..", "shared", "corpus", "samples",
        "moneycontrol-whatsapp-nso.md");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(sample), "corpus sample not present");
    // when
    ArticleInput a = reader.read(Files.readString(sample));
    // then
    assertThat(a.parseViolations()).isEmpty();
    assertThat(a.title()).isEqualTo("WhatsApp breach: NSO meet police commissioners to sell spyware, says TMC's Mahua Moitra");
    assertThat(a.publishedAt()).isEqualTo("2019-11-06T00:00:00+00:00");
    assertThat(a.author()).isNull();
    assertThat(a.source()).isEqualTo("Moneycontrol");
    assertThat(a.url()).startsWith("https://www.moneycontrol.com/news/business/startup/");
    assertThat(a.body()).startsWith("Trinamool Congress").doesNotEndWith("\n");
  }

  @Test
  void shouldReadAnAuthor() {
    // when
    ArticleInput a = reader.read("# T\nPublished at: **2020-01-01**\nAuthor: **Jane Roe**\n"
        + "Original: [Outlet](https://o.example/a)\n\nBody");
    // then
    assertThat(a.author()).isEqualTo("Jane Roe");
    assertThat(a.body()).isEqualTo("Body");
  }

  @Test
  void shouldNameEveryMissingHeaderLine() {
    // when
    ArticleInput a = reader.read("# Only a title\n\nAnd a body.");
    // then
    assertThat(a.parseViolations()).extracting(Violation::rule).containsOnly("missing-line");
    assertThat(a.parseViolations()).extracting(Violation::message).anySatisfy(m -> assertThat(m).contains("Published at:"))
        .anySatisfy(m -> assertThat(m).contains("Author:"))
        .anySatisfy(m -> assertThat(m).contains("Original:"));
    assertThat(a.body()).isEqualTo("And a body.");
  }

  @Test
  void shouldFlagAMalformedOriginalLine() {
    // when
    ArticleInput a = reader.read("# T\nPublished at: **2020-01-01**\nAuthor: ****\nOriginal: https://o.example/a\n\nBody");
    // then
    assertThat(a.parseViolations()).extracting(Violation::field, Violation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("url", "line-format"));
  }
}
