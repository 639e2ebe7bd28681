package io.newsstream.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttributionTest {

  @Test
  void shouldStandForAnEmittedArticleByItself() {
    Attribution a = new Attribution();
    a.emitted("x");
    assertThat(a.standIn("x")).isEqualTo("x");
    assertThat(a.wasEmitted("x")).isTrue();
  }

  @Test
  void shouldFollowDropReportsToTheEmittedArticle() {
    // given: x emitted, y dropped as a copy of x, z as a copy of y
    Attribution a = new Attribution();
    a.emitted("x");
    a.dropped("y", "x");
    a.dropped("z", "y");

    // then
    assertThat(a.standIn("z")).isEqualTo("x");
    assertThat(a.standIn("y")).isEqualTo("x");
    assertThat(a.wasEmitted("y")).isFalse();
  }

  @Test
  void shouldStandForNothingWhenTheChainEndsInAnUnknownArticleOrGoesRound() {
    Attribution a = new Attribution();
    a.dropped("y", "unknown");
    a.dropped("p", "q");
    a.dropped("q", "p");
    assertThat(a.standIn("y")).isNull();
    assertThat(a.standIn("p")).isNull();
  }
}
