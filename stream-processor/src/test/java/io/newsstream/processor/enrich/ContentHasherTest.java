package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentHasherTest {

  private final ContentHasher hasher = new ContentHasher();

  @Test
  void shouldHashTitleAndBodyJoinedByANewlineWithSha256() {
    // when
    String hash = hasher.hash("t", "b");

    // then: printf 't\nb' | sha256sum
    assertThat(hash).isEqualTo("3b600b6a05d4169320ea0237291971b21e9c2065b9494be18e3a8dee27d45487");
  }

  @Test
  void shouldIgnoreQuoteStylesDashesAndWhitespace() {
    // given
    String curly = "Moitra said: “It’s the intent” — not the technicality…\nShe left.";
    String straight = "Moitra said: \"It's the intent\" - not the technicality...  She left. ";

    // when / then
    assertThat(hasher.hash("Title ", curly)).isEqualTo(hasher.hash("Title", straight));
  }

  @Test
  void shouldNormaliseBackquotesAndSpacesButKeepOtherAscii() {
    // when
    String normalized =
        ContentHasher.normalize("\t It`s {a} [b] ~c~ |d|\u00A0\u2003e\u0085f\u001Cg\u007F ");

    // then: no-break and em spaces are spaces; NEL and DEL are control characters, kept
    assertThat(normalized).isEqualTo("It's {a} [b] ~c~ |d| e\u0085f g\u007F");
  }

  @Test
  void shouldChangeWhenAWordChanges() {
    // given
    String body = "WhatsApp has sued NSO in the US.";

    // when / then
    assertThat(hasher.hash("T", body)).isNotEqualTo(hasher.hash("T", body.replace("sued", "sues")));
    assertThat(hasher.hash("T", body)).isNotEqualTo(hasher.hash("T2", body));
  }
}
