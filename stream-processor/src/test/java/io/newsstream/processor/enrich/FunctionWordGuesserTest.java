package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    // given: "el", "y", "el", "los" are Spanish function words no other language has; "la",
    // "del", "que", "en" and "con" are also French, Italian or Portuguese ones; "está" is
    // Portuguese only
    String text = "el perro y la casa del pueblo que está en el campo con los niños";

    // when
    Optional<FunctionWordGuesser.Guess> guess = GUESSER.guess(text);

    // then: the runner-up, Portuguese, has one word of its own against Spanish's four
    assertThat(guess).contains(new FunctionWordGuesser.Guess("es", 1.0 - 1.0 / 4));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "es|Un incendio forestal obligó este domingo a evacuar a unas 2.000 personas en el norte de"
            + " Tenerife. El presidente de Canarias, Fernando Clavijo, pidió ayuda a la Unidad Militar"
            + " de Emergencias. Según la Agencia Estatal de Meteorología, el viento dificultará las"
            + " labores de extinción.",
        "it|Stellantis ha firmato un accordo con Fim, Fiom e Uilm per il rilancio dello stabilimento"
            + " di Melfi, in Basilicata. L’amministratore delegato John Elkann ha parlato di una"
            + " svolta per l’industria italiana. Il ministro delle Imprese Adolfo Urso ha convocato un"
            + " tavolo a Palazzo Piacentini.",
        "pt|A Seleção Brasileira venceu o Uruguai por 2 a 0 em Montevidéu, pelas Eliminatórias da"
            + " Copa do Mundo. Vinícius Júnior e Raphinha marcaram os gols. O técnico Carlo Ancelotti"
            + " elogiou a defesa comandada por Marquinhos.",
        "fr|La SNCF prévoit un trafic très perturbé jeudi en raison d’une grève des contrôleurs. Le"
            + " syndicat Sud-Rail appelle à la mobilisation contre la réforme des retraites. Le"
            + " ministre des Transports, Philippe Tabarot, a appelé au dialogue depuis Lyon. À"
            + " Marseille et à Toulouse, seuls deux TGV sur cinq circuleront, selon la direction."
      })
  void shouldTellCloseLanguagesApartByTheFunctionWordsOnlyOneOfThemHas(
      String language, String prose) {
    // given: news prose whose most frequent function words ("de", "la", "a", "un", "que") the
    // Romance languages share

    // when
    Optional<FunctionWordGuesser.Guess> guess = GUESSER.guess(prose);

    // then: decided, and by a margin that makes the language sure for the topic terms
    assertThat(guess).get().extracting(FunctionWordGuesser.Guess::language).isEqualTo(language);
    assertThat(guess.get().margin()).isGreaterThanOrEqualTo(2.0 / 3);
  }

  @Test
  void shouldAbstainWhenFunctionWordsAreSharedButOne() {
    // given: "de", "la", "que" and "en" are function words of several Romance languages; one
    // "el", Spanish only, is too little to tell them apart
    String text = "de la que en alpha de la que en beta el de la que en gamma delta";

    // when / then
    assertThat(GUESSER.guess(text)).isEmpty();
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
