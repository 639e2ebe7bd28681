package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunctionWordGuesserTest {

  private static final FunctionWordGuesser GUESSER =
      new FunctionWordGuesser(Set.of("en", "de", "fr", "es", "it", "pt", "nl"));

  @Test
  void shouldGuessTheLanguageWhoseFunctionWordsDominateProse() {
    // given: 16 words, 9 of them English function words and none of another language's
    String text = "the cat sat on the mat and the dog was in the house with a bone";

    // when
    Optional<FunctionWordGuesser.Guess> guess = GUESSER.guess(text);

    // then
    assertThat(guess).contains(new FunctionWordGuesser.Guess("en", 1.0));
  }

  @Test
  void shouldReportTheMarginOverTheRunnerUp() {
    // given: 8 Spanish function words; "la" and "que" are French ones, "está" a Portuguese one
    String text = "el perro y la casa del pueblo que está en el campo con los niños";

    // when
    Optional<FunctionWordGuesser.Guess> guess = GUESSER.guess(text);

    // then: the runner-up, French, has two hits
    assertThat(guess).contains(new FunctionWordGuesser.Guess("es", 1.0 - 2.0 / 8));
  }

  @Test
  void shouldAbstainWhenTwoLanguagesHaveEqualEvidence() {
    // given: "que" is a French and a Spanish function word
    String text = "que que que que que que alpha beta gamma delta epsilon zeta";

    // when / then
    assertThat(GUESSER.guess(text)).isEmpty();
  }

  @Test
  void shouldDecideSparseTextOnlyFromEnoughDifferentFunctionWords() {
    // given: tables of figures with 5 English function words in 30 words, below the prose share
    String three = "the 1 2 of 3 4 and 5 6 the 7 8 of 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25";
    String two = "the 1 2 of 3 4 the 5 6 the 7 8 of 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25";

    // when / then
    assertThat(GUESSER.guess(three)).contains(new FunctionWordGuesser.Guess("en", 1.0));
    assertThat(GUESSER.guess(two)).isEmpty();
  }

  @Test
  void shouldAbstainForALanguageThatIsNotConfigured() {
    // given
    FunctionWordGuesser withoutEnglish = new FunctionWordGuesser(Set.of("de", "fr"));

    // when / then
    assertThat(withoutEnglish.guess("the cat sat on the mat and the dog was in the house with a bone"))
        .isEmpty();
  }
}
