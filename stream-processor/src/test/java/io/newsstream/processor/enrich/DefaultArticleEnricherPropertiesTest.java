package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Ingest-service accepts any text as title and body, and an article whose enrichment throws is
 * dead-lettered instead of reaching its topics: enrichment must not fail on any text.
 */
class DefaultArticleEnricherPropertiesTest {

  private static final DefaultArticleEnricher ENRICHER = new DefaultArticleEnricher();

  /** Words, markup, scripts and punctuation in any order, and arbitrary characters. */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> pieces =
        Arbitraries.of(
                "The", "Fed", "Chair", "Janet", "Yellen", "L.", "Was", "said", "of", "Inc", "<p>", "</p>", "<b>",
                "&amp;", "&#39;", "Close", "Advertisement", "\n", "\n\n", " ", ",", ".", "’", "l’", "dell’",
                "élection", "Wahl", "股市", "利上げ", "선거를", "Эльвира", "مرحبا", "😀", "\u200b", "\u00a0",
                "https://example.com/x", "1,400", "e!", "-", "--", "(", ")", "\"", "\t", "ß", "İ")
            .list()
            .ofMaxSize(60)
            .map(words -> String.join(" ", words));
    return Arbitraries.oneOf(pieces, Arbitraries.strings().ofMaxLength(200));
  }

  @Provide
  Arbitrary<String> declaredLanguages() {
    return Arbitraries.of("en", "de", "fr", "it", "zh", "ja", "ko", "ru", "xx").injectNull(0.3);
  }

  @Property(tries = 500)
  void enrichesAnyTitleAndBody(
      @ForAll("texts") String title, @ForAll("texts") String body, @ForAll("declaredLanguages") String language) {
    // when
    Enrichment enrichment =
        ENRICHER.enrich(new ArticleInput("https://www.example.com/news/1", title, body, language));

    // then
    assertThat(enrichment.domain()).isEqualTo("example.com");
    assertThat(enrichment.language()).isNotBlank();
    assertThat(enrichment.wordCount()).isNotNegative();
    assertThat(enrichment.keywords()).doesNotContainNull();
    assertThat(enrichment.entities()).doesNotContainNull();
  }
}
