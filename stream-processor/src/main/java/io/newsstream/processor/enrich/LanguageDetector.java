package io.newsstream.processor.enrich;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Detects the language of an article: a cheap function-word guess first ({@link
 * FunctionWordGuesser}, seven major Latin-script languages), and Lingua, restricted to the
 * configured languages (by default 31 common news languages), whenever that guess abstains.
 *
 * <p>Only the first {@value #MAX_CHARS} characters of the body are examined (of title and body
 * when the body is too short), and only {@value #LINGUA_CHARS} by Lingua: news text settles its
 * language within a few sentences, and Lingua's cost grows with length. Lingua loads a
 * language's models lazily, the first time a text is compared against it. Measured on the first
 * 4,000 Reuters-21578 bodies (200 characters, 31 languages, after warm-up): low-accuracy mode
 * (the default, {@code enrich.language.low-accuracy}) costs about 1.1 CPU-ms per text and 35 MB
 * of heap; high-accuracy mode about 1.6 CPU-ms per text and 565 MB of heap, and calls 64 instead
 * of 177 of those English texts (mostly tables of figures) another language. The function-word
 * guess costs a few microseconds and decides about 76% of Reuters bodies and nearly all running
 * prose, so Lingua's cost is paid only for the rest.
 *
 * <p>Confidence: Lingua 1.2 reports relative values (best language 1.0, the others as fractions
 * of it), so the confidence is the margin of the best language over the runner-up, {@code 1 -
 * runnerUp / best}, in 0..1; the function-word guess reports the same margin over its counts of words only one language has.
 * Below the configured threshold the result is {@code und}. A text with fewer letters than the
 * configured minimum is not detected: the declared language is returned if there is one, else
 * {@code und}, with confidence 0. Thread-safe.
 */
public final class LanguageDetector {

  /** The JVM setting of the common fork-join pool's parallelism. */
  public static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  /**
   * Has Lingua's work run in the thread that asks for it, unless the JVM was started with {@value
   * #COMMON_POOL_PARALLELISM} set; to be called first thing in {@code main}, before anything uses
   * the common fork-join pool (it reads the setting once).
   *
   * <p>Lingua 1.2 hands each call's per-language work to the common pool ({@code
   * commonPool().invokeAll}) and waits for it. The processor's parallelism is its stream threads;
   * for them each call became thread hand-offs and waits: enriching 10,000 Reuters articles on
   * one thread took 9.1–9.5 s of wall time for 5.1–5.4 CPU-s, and 4.9–5.9 s with the pool's
   * parallelism at 0, which runs the tasks in the caller. On a 2-core machine the default
   * parallelism is 1 already, so {@code CompletableFuture}'s default async executor and parallel
   * streams behave the same either way.
   */
  public static void runLinguaInCallingThreads() {
    if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
      System.setProperty(COMMON_POOL_PARALLELISM, "0");
    }
  }

  /**
   * Held while Lingua runs, by every detector of this JVM: one thread at a time hands work to the
   * common fork-join pool. With the pool's parallelism at 0 ({@link #runLinguaInCallingThreads})
   * and two stream threads calling at once, a stream thread waited forever in {@code
   * commonPool().invokeAll} for a task that no thread would run (a benchmark run's thread dump,
   * 2026-12-06: the pool had no threads, the other stream thread was polling); the processor
   * stopped emitting while its health said RUNNING. Lingua decides about a fifth of the articles.
   */
  private static final Object LINGUA = new Object();

  /** Code for an undetermined language (ISO 639-2). */
  public static final String UNDETERMINED = "und";

  /** Characters of text examined by the function-word guess. */
  public static final int MAX_CHARS = 400;

  /** Characters of text examined by Lingua. */
  public static final int LINGUA_CHARS = 200;

  /** A detected language and how sure the detector is. */
  public record Detection(String language, double confidence) {}

  private final com.github.pemistahl.lingua.api.LanguageDetector detector;
  private final FunctionWordGuesser guesser;
  private final double threshold;
  private final int minLetters;

  public LanguageDetector(EnrichmentConfig config) {
    this(config, config.languageLowAccuracy());
  }

  /**
   * @param lowAccuracy use Lingua's low-accuracy mode (trigram models only)
   */
  public LanguageDetector(EnrichmentConfig config, boolean lowAccuracy) {
    List<IsoCode639_1> codes = new ArrayList<>();
    for (String code : config.languages()) {
      codes.add(
          isoCode(code)
              .orElseThrow(
                  () -> new IllegalArgumentException(
                      EnrichmentConfig.LANGUAGES_CONFIG + ": language '" + code + "' is not supported")));
    }
    if (codes.size() < 2) {
      throw new IllegalArgumentException(
          EnrichmentConfig.LANGUAGES_CONFIG + " must name at least two languages");
    }
    LanguageDetectorBuilder builder =
        LanguageDetectorBuilder.fromIsoCodes639_1(codes.toArray(IsoCode639_1[]::new));
    if (lowAccuracy) {
      builder = builder.withLowAccuracyMode();
    }
    this.detector = builder.build();
    this.guesser = new FunctionWordGuesser(config.languages());
    this.threshold = config.languageThreshold();
    this.minLetters = config.languageMinLetters();
  }

  /** The ISO 639-1 codes of the languages Lingua knows, lower-case, in alphabetical order. */
  static List<String> supportedCodes() {
    List<String> codes = new ArrayList<>();
    for (IsoCode639_1 code : IsoCode639_1.values()) {
      if (code != IsoCode639_1.NONE) {
        codes.add(code.name().toLowerCase(Locale.ROOT));
      }
    }
    codes.sort(null);
    return codes;
  }

  /** Lingua's code for an ISO 639-1 code in any case, when Lingua knows the language. */
  static Optional<IsoCode639_1> isoCode(String code) {
    try {
      return Optional.of(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Detects the language of an article from the start of its body, or of its title and body
   * when the body is too short (titles are often in capitals, which detect poorly).
   *
   * @param title cleaned title, may be empty
   * @param body cleaned body, may be empty
   * @param declaredLanguage ISO 639-1 code the client declared, or null
   */
  public Detection detect(String title, String body, String declaredLanguage) {
    String bodySample = sample(body == null ? "" : body);
    return letters(bodySample) >= minLetters
        ? detect(bodySample, declaredLanguage)
        : detect((title == null ? "" : title) + "\n" + bodySample, declaredLanguage);
  }

  /**
   * Detects the language of the text.
   *
   * @param text cleaned text; only its first {@value #MAX_CHARS} characters are examined
   * @param declaredLanguage ISO 639-1 code the client declared, or null
   */
  public Detection detect(String text, String declaredLanguage) {
    String sample = sample(text == null ? "" : text);
    if (letters(sample) < minLetters) {
      return new Detection(fallback(declaredLanguage), 0.0);
    }
    Optional<FunctionWordGuesser.Guess> guess = guesser.guess(sample);
    if (guess.isPresent() && guess.get().margin() >= threshold) {
      return new Detection(guess.get().language(), round(guess.get().margin()));
    }
    // Lingua's cost grows with length; its verdict on a couple of sentences is as good.
    String linguaSample =
        sample.length() > LINGUA_CHARS ? sample.substring(0, LINGUA_CHARS) : sample;
    SortedMap<Language, Double> values;
    synchronized (LINGUA) {
      values = detector.computeLanguageConfidenceValues(linguaSample);
    }
    Language best = null;
    double bestValue = 0.0;
    double second = 0.0;
    for (Map.Entry<Language, Double> entry : values.entrySet()) {
      double value = entry.getValue();
      if (value > bestValue) {
        second = bestValue;
        best = entry.getKey();
        bestValue = value;
      } else if (value > second) {
        second = value;
      }
    }
    if (best == null || best == Language.UNKNOWN || bestValue <= 0.0) {
      return new Detection(UNDETERMINED, 0.0);
    }
    double confidence = round(1.0 - second / bestValue);
    if (confidence < threshold) {
      return new Detection(UNDETERMINED, confidence);
    }
    return new Detection(best.getIsoCode639_1().toString().toLowerCase(Locale.ROOT), confidence);
  }

  private static String sample(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int end = MAX_CHARS;
    while (end < text.length() && end < MAX_CHARS + 40 && Character.isLetter(text.charAt(end))) {
      end++; // do not cut a word in half
    }
    return text.substring(0, end);
  }

  private static int letters(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetter(text.charAt(i))) {
        count++;
      }
    }
    return count;
  }

  private static String fallback(String declared) {
    String code = declared(declared);
    return code == null ? UNDETERMINED : code;
  }

  /** The declared language as a lower-case code ({@code en-GB} is {@code en}), or null if none or not a code. */
  static String declared(String declared) {
    if (declared == null) {
      return null;
    }
    String code = declared.strip().toLowerCase(Locale.ROOT);
    int dash = code.indexOf('-');
    if (dash > 0) {
      code = code.substring(0, dash); // en-GB -> en
    }
    return code.matches("[a-z]{2,3}") ? code : null;
  }

  private static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }
}
