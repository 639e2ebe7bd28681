package io.newsstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.schemas.avro.ArticleSubmitted;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Any {@link ArticleSubmitted} survives the registry wire format unchanged: arbitrary Unicode
 * text (supplementary planes included), absent and present optional fields, any attributes.
 */
class ArticleSubmittedSerdePropertyTest {

  private static String scope;
  private static SpecificAvroSerde<ArticleSubmitted> serde;

  @BeforeContainer
  static void createSerde() {
    scope = "property-" + java.util.UUID.randomUUID();
    serde = SpecificAvroSerde.forValues(ArticleSubmitted.class, SampleRecords.config("mock://" + scope));
  }

  @AfterContainer
  static void closeSerde() {
    serde.close();
    InMemorySchemaRegistryClient.dropScope(scope);
  }

  @Property(tries = 300)
  void shouldRoundTripAnyArticle(@ForAll("articles") ArticleSubmitted article) {
    // when
    byte[] bytes = serde.serializer().serialize("articles.raw", article);
    ArticleSubmitted back = serde.deserializer().deserialize("articles.raw", bytes);

    // then
    assertThat(bytes[0]).isZero();
    assertThat(back).isEqualTo(article);
  }

  @Provide
  Arbitrary<ArticleSubmitted> articles() {
    Arbitrary<String> text = unicode(0, 200);
    Arbitrary<String> optionalText = text.injectNull(0.3);
    Arbitrary<Instant> instant = Arbitraries.longs().between(-62_135_596_800_000L, 253_402_300_799_999L).map(Instant::ofEpochMilli);
    Arbitrary<Map<String, String>> attributes = Arbitraries.maps(unicode(0, 20), unicode(0, 40)).ofMaxSize(6);
    return Builders.withBuilder(ArticleSubmitted::newBuilder)
        .use(text).in(ArticleSubmitted.Builder::setEventId)
        .use(text).in(ArticleSubmitted.Builder::setUrl)
        .use(text).in(ArticleSubmitted.Builder::setTitle)
        .use(text).in(ArticleSubmitted.Builder::setBody)
        .use(optionalText).in(ArticleSubmitted.Builder::setAuthor)
        .use(instant.injectNull(0.3)).in(ArticleSubmitted.Builder::setPublishedAt)
        .use(optionalText).in(ArticleSubmitted.Builder::setSourceName)
        .use(optionalText).in(ArticleSubmitted.Builder::setLanguage)
        .use(text).in(ArticleSubmitted.Builder::setSubmittedBy)
        .use(instant).in(ArticleSubmitted.Builder::setReceivedAt)
        .use(attributes).in(ArticleSubmitted.Builder::setAttributes)
        .build(ArticleSubmitted.Builder::build);
  }

  /** Strings of any Unicode scalar values (no lone surrogates, which UTF-8 cannot carry). */
  private static Arbitrary<String> unicode(int minCodePoints, int maxCodePoints) {
    Arbitrary<Integer> codePoint =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0x20, 0x7e)),
            net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 0xd7ff)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xe000, 0xffff)),
            net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10ffff)));
    return codePoint
        .list()
        .ofMinSize(minCodePoints)
        .ofMaxSize(maxCodePoints)
        .map(ArticleSubmittedSerdePropertyTest::fromCodePoints);
  }

  private static String fromCodePoints(List<Integer> codePoints) {
    StringBuilder text = new StringBuilder();
    codePoints.forEach(text::appendCodePoint);
    return text.toString();
  }
}
