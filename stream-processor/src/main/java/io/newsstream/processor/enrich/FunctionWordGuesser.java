package io.newsstream.processor.enrich;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A cheap first opinion on the language of a Latin-script text, from the share of its words that
 * are the most frequent function words of English, German, French, Spanish, Italian, Portuguese
 * or Dutch. Running text in one of these languages is 25 to 45 percent function words. Some of
 * the most frequent ones are shared ("de", "la", "que", "en" by several Romance languages); they
 * count towards the share, but only the words one language alone has tell the languages apart.
 * When one language clearly dominates that evidence, the answer is as reliable as an n-gram
 * model's at a fraction of the cost; when the evidence is thin or mixed the guesser abstains and
 * {@link LanguageDetector} asks Lingua. Thread-safe.
 */
final class FunctionWordGuesser {

  /** Words examined from the start of the text. */
  static final int MAX_WORDS = 60;
  /** Fewest words to decide on. */
  static final int MIN_WORDS = 12;
  /** Share of the words that must be function words of the winning language. */
  static final double MIN_SHARE = 0.2;
  /**
   * The winner needs this many times the runner-up's hits of its own words: those of the
   * function words that no other language of the list has.
   */
  static final double MIN_RATIO = 3.0;
  /** Fewest hits of the winner's own words to decide prose on. */
  static final int MIN_OWN_HITS = 2;
  /**
   * Text that is not running prose (tables, lists of figures) has a lower share of function
   * words; it is still decided when it has at least this many hits, from at least {@value
   * #MIN_DISTINCT} different function words, and the runner-up has at most a fifth of them.
   */
  static final int MIN_HITS_SPARSE = 5;
  static final int MIN_DISTINCT = 3;

  /** A guess and its margin over the runner-up: {@code 1 - runnerUpOwnHits / winnerOwnHits}. */
  record Guess(String language, double margin) {}

  private static final Map<String, Set<String>> FUNCTION_WORDS =
      Map.of(
          "en",
          Set.of(
              "the", "of", "and", "to", "in", "is", "that", "for", "it", "was", "on", "with",
              "as", "by", "at", "from", "said", "has", "have", "be", "are", "its", "which",
              "were", "he", "but", "this", "would", "been", "will", "their", "they", "an",
              "not", "had", "who", "also", "after"),
          "de",
          Set.of(
              "der", "die", "und", "das", "ist", "den", "nicht", "mit", "sich", "des", "auf",
              "für", "dem", "ein", "eine", "einer", "auch", "wird", "sind", "von", "zu", "im",
              "wie", "nach", "bei", "oder", "wurde", "hat", "noch", "aus", "über", "werden"),
          "fr",
          Set.of(
              "le", "la", "les", "des", "et", "du", "une", "est", "dans", "pour", "qui", "que",
              "sur", "au", "aux", "avec", "par", "pas", "plus", "sont", "ont", "ce", "cette",
              "été", "mais", "ou", "il", "elle", "ils", "leur", "sa", "son", "ses", "de", "en",
              "un", "à", "ne", "se"),
          "es",
          Set.of(
              "el", "los", "las", "del", "y", "que", "en", "por", "con", "para", "una", "es",
              "se", "al", "lo", "como", "más", "pero", "sus", "su", "fue", "ha", "este", "esta",
              "entre", "sobre", "también", "según", "han", "desde", "muy", "sin", "de", "la", "un"),
          "it",
          Set.of(
              "il", "di", "che", "della", "dei", "delle", "gli", "nel", "nella", "per", "con",
              "non", "sono", "è", "alla", "anche", "come", "più", "dal", "dalla", "degli", "ha",
              "una", "uno", "questo", "questa", "essere", "stato", "loro", "ma", "tra", "la", "le",
              "e", "un", "del", "al", "lo", "dello", "sul", "sulla", "nei", "dopo"),
          "pt",
          Set.of(
              "o", "os", "as", "do", "da", "dos", "das", "não", "uma", "em", "no", "na", "nos",
              "nas", "com", "para", "por", "mais", "foi", "ao", "pelo", "pela", "como", "seu",
              "sua", "também", "são", "está", "ser", "já", "ou", "quando", "de", "e", "que", "um",
              "à"),
          "nl",
          Set.of(
              "de", "het", "een", "en", "van", "dat", "die", "niet", "zijn", "op", "te", "met",
              "voor", "ook", "aan", "er", "maar", "om", "bij", "nog", "naar", "dan", "wordt",
              "worden", "heeft", "hebben", "werd", "uit", "tot", "zich", "deze", "wel"));

  /** The languages above in a fixed order. */
  private static final String[] LANGUAGES = FUNCTION_WORDS.keySet().toArray(String[]::new);

  /**
   * Each function word with the languages it is one of, bit {@code i} for {@code LANGUAGES[i]}:
   * one lookup per word instead of one per word and language.
   */
  private static final Map<String, Integer> LANGUAGES_OF_WORD = languagesOfWord();

  private final Set<String> enabled;

  FunctionWordGuesser(Set<String> configuredLanguages) {
    this.enabled = Set.copyOf(configuredLanguages);
  }

  Optional<Guess> guess(String text) {
    if (!mostlyLatin(text)) {
      return Optional.empty();
    }
    List<String> words = WordTokenizer.normalizedWords(text);
    int n = Math.min(words.size(), MAX_WORDS);
    if (n < MIN_WORDS) {
      return Optional.empty();
    }
    // All hits of a language measure how much of the text is function words; only the hits of
    // words no other language has (Spanish "el", not "de" or "la") tell the languages apart.
    int[] hits = new int[LANGUAGES.length];
    int[] ownHits = new int[LANGUAGES.length];
    int[] languagesOf = new int[n];
    for (int i = 0; i < n; i++) {
      Integer languages = LANGUAGES_OF_WORD.get(words.get(i));
      if (languages != null) {
        languagesOf[i] = languages;
        for (int bits = languages; bits != 0; bits &= bits - 1) {
          hits[Integer.numberOfTrailingZeros(bits)]++;
        }
        if (Integer.bitCount(languages) == 1) {
          ownHits[Integer.numberOfTrailingZeros(languages)]++;
        }
      }
    }
    // When two languages have the most own hits, the runner-up has as many as the winner and the
    // guess abstains below, so which of them is taken for the winner does not matter.
    int bestLanguage = -1;
    int bestHits = 0;
    int secondHits = 0;
    for (int l = 0; l < LANGUAGES.length; l++) {
      if (ownHits[l] > bestHits) {
        secondHits = bestHits;
        bestLanguage = l;
        bestHits = ownHits[l];
      } else if (ownHits[l] > secondHits) {
        secondHits = ownHits[l];
      }
    }
    if (bestLanguage < 0) {
      return Optional.empty();
    }
    String best = LANGUAGES[bestLanguage];
    boolean prose =
        hits[bestLanguage] >= MIN_SHARE * n
            && bestHits >= MIN_OWN_HITS
            && bestHits >= MIN_RATIO * secondHits;
    boolean sparse =
        !prose
            && bestHits >= MIN_HITS_SPARSE
            && bestHits >= 5 * secondHits
            && distinct(words, languagesOf, bestLanguage) >= MIN_DISTINCT;
    if (!enabled.contains(best) || !(prose || sparse)) {
      return Optional.empty();
    }
    return Optional.of(new Guess(best, 1.0 - (double) secondHits / bestHits));
  }

  /** Different words among those that are function words of the language. */
  private static int distinct(List<String> words, int[] languagesOf, int language) {
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < languagesOf.length; i++) {
      if ((languagesOf[i] & (1 << language)) != 0) {
        distinct.add(words.get(i));
      }
    }
    return distinct.size();
  }

  private static Map<String, Integer> languagesOfWord() {
    Map<String, Integer> languages = new HashMap<>();
    for (int l = 0; l < LANGUAGES.length; l++) {
      for (String word : FUNCTION_WORDS.get(LANGUAGES[l])) {
        languages.merge(word, 1 << l, (a, b) -> a | b);
      }
    }
    return Map.copyOf(languages);
  }

  private static boolean mostlyLatin(String text) {
    int letters = 0;
    int latin = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (c < 0x250) {
          latin++;
        }
      }
    }
    return letters > 0 && latin * 10 >= letters * 9;
  }
}
