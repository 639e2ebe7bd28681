package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadingTimeTest {

  @Test
  void shouldCountWordsOfTheCleanedText() {
    // given
    String text = "WhatsApp’s end-to-end encryption covers 1,400 users in the U.S. — and more.";

    // when
    int words = new ReadingTime(230).wordCount(text);

    // then: WhatsApp’s, end-to-end, encryption, covers, 1,400, users, in, the, U.S, and, more
    assertThat(words).isEqualTo(11);
  }

  @Test
  void shouldRoundReadingTimeUpToWholeSecondsAtTheConfiguredSpeed() {
    // given
    ReadingTime defaultSpeed = new ReadingTime(230);
    ReadingTime slow = new ReadingTime(100);

    // when / then
    assertThat(defaultSpeed.seconds(230)).isEqualTo(60);
    assertThat(defaultSpeed.seconds(231)).isEqualTo(61);
    assertThat(defaultSpeed.seconds(1)).isEqualTo(1);
    assertThat(slow.seconds(230)).isEqualTo(138);
    assertThat(defaultSpeed.seconds(0)).isZero();
  }

  @Test
  void shouldRejectANonPositiveSpeed() {
    assertThatThrownBy(() -> new ReadingTime(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
