package io.newsstream.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonArticleReaderTest {

  final JsonArticleReader strict = new JsonArticleReader(true, 1_000_001);
  final JsonArticleReader lenient = new JsonArticleReader(false, 1_000_001);

  static ByteArrayInputStream in(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldReadEveryContractField() throws Exception {
    // when
    ArticleInput a = strict.readSingle(in("{\"id\":\"i\",\"url\":\"u\",\"title\":\"t\",\"body\":\"b\","
        + "\"publishedAt\":\"p\",\"author\":null,\"source\":\"s\",\"language\":\"en\",\"attributes\":{\"k\":\"v\"}}"));
    // then
    assertThat(a.id()).isEqualTo("i");
    assertThat(a.url()).isEqualTo("u");
    assertThat(a.author()).isNull();
    assertThat(a.attributes()).containsEntry("k", "v");
    assertThat(a.parseViolations()).isEmpty();
  }

  @Test
  void shouldNameUnknownFieldsWhenStrictAndIgnoreThemWhenLenient() throws Exception {
    // given
    String json = "{\"url\":\"u\",\"tittle\":\"t\",\"extra\":{\"nested\":[1,2]}}";
    // then
    assertThat(strict.readSingle(in(json)).parseViolations()).extracting(Violation::field)
        .containsExactly("tittle", "extra");
    assertThat(lenient.readSingle(in(json)).parseViolations()).isEmpty();
  }

  @Test
  void shouldNameFieldsOfTheWrongType() throws Exception {
    // when
    ArticleInput a = strict.readSingle(in("{\"title\":42,\"attributes\":{\"n\":1},\"body\":[\"x\"]}"));
    // then
    assertThat(a.parseViolations()).extracting(Violation::field).containsExactly("title", "attributes.n", "body");
    assertThat(a.parseViolations()).extracting(Violation::rule).containsOnly("type");
  }

  @Test
  void shouldRejectDuplicateKeysAndTrailingContent() {
    assertThatThrownBy(() -> strict.readSingle(in("{\"url\":\"a\",\"url\":\"b\"}")))
        .isInstanceOf(MalformedBodyException.class).hasMessageContaining("url");
    assertThatThrownBy(() -> strict.readSingle(in("{} {}")))
        .isInstanceOf(MalformedBodyException.class);
  }

  @Test
  void shouldRejectNonObjectsAndEmptyBodies() {
    assertThatThrownBy(() -> strict.readSingle(in("[]")))
        .isInstanceOfSatisfying(MalformedBodyException.class, e -> assertThat(e.rule()).isEqualTo("json-object"));
    assertThatThrownBy(() -> strict.readSingle(in("")))
        .isInstanceOfSatisfying(MalformedBodyException.class, e -> assertThat(e.rule()).isEqualTo("json-object"));
  }

  @Test
  void shouldReportInvalidUtf8AsSuch() {
    // given
    byte[] bytes = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    // then
    assertThatThrownBy(() -> strict.readSingle(new ByteArrayInputStream(bytes)))
        .isInstanceOfSatisfying(MalformedBodyException.class, e -> assertThat(e.rule()).isEqualTo("utf-8"));
  }
}
