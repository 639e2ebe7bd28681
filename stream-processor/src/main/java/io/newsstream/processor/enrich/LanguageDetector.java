package io.newsstream.processor.enrich;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Detects the language of an article with Lingua, restricted to the configured languages (by
 * default 31 common news languages).
 *
 * <p>Lingua loads a language's n-gram models lazily, the first time a text is compared against
 * that language, and keeps them for the life of the detector. Only the first {@value
 * #MAX_CHARS} characters of title and body are examined: news text settles its language within
 * a few sentences and detection time grows with length. Measured on Reuters articles with the
 * default 31 languages (see ENRICHMENT.md): about 1.1 GB of heap once every model is loaded in
 * high-accuracy mode, against 120 MB in low-accuracy mode (trigrams only), which is
 * also several times faster; the default is low-accuracy mode, whose reliability on texts of
 * more than a sentence or two is as good, and short texts are handled by the min-letters rule.
 *
 * <p>The confidence is Lingua's confidence value for the chosen language (0..1, the values of
 * all candidate languages sum to 1). Below the configured threshold the result is {@code und}.
 * A text with fewer letters than the configured minimum is not detected: the declared language
 * is returned if there is one, else {@code und}, with confidence 0. Thread-safe.
 */
public final class LanguageDetector {

  /** Code for an undetermined language (ISO 639-2). */
  public static final String UNDETERMINED = "und";

  /** Characters of text examined. */
  public static final int MAX_CHARS = 600;

  /** A detected language and how sure the detector is. */
  public record Detection(String language, double confidence) {}

  private final com.github.pemistahl.lingua.api.LanguageDetector detector;
  private final double threshold;
  private final int minLetters;

  public LanguageDetector(EnrichmentConfig config) {
    this(config, true);
  }

  /**
   * @param lowAccuracy use Lingua's low-accuracy mode (trigram models only)
   */
  public LanguageDetector(EnrichmentConfig config, boolean lowAccuracy) {
    List<IsoCode639_1> codes = new ArrayList<>();
    for (String code : config.languages()) {
      try {
        codes.add(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            EnrichmentConfig.LANGUAGES_CONFIG + ": language '" + code + "' is not supported", e);
      }
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
    this.threshold = config.languageThreshold();
    this.minLetters = config.languageMinLetters();
  }

  /**
   * Detects the language of the text.
   *
   * @param text title and body, cleaned
   * @param declaredLanguage ISO 639-1 code the client declared, or null
   */
  public Detection detect(String text, String declaredLanguage) {
    String sample = sample(text == null ? "" : text);
    if (letters(sample) < minLetters) {
      return new Detection(fallback(declaredLanguage), 0.0);
    }
    SortedMap<Language, Double> values = detector.computeLanguageConfidenceValues(sample);
    Language best = null;
    double confidence = 0.0;
    for (Map.Entry<Language, Double> entry : values.entrySet()) {
      if (entry.getValue() > confidence) {
        best = entry.getKey();
        confidence = entry.getValue();
      }
    }
    if (best == null || best == Language.UNKNOWN || confidence < threshold) {
      return new Detection(UNDETERMINED, round(confidence));
    }
    return new Detection(
        best.getIsoCode639_1().toString().toLowerCase(Locale.ROOT), round(confidence));
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
    if (declared == null) {
      return UNDETERMINED;
    }
    String code = declared.strip().toLowerCase(Locale.ROOT);
    int dash = code.indexOf('-');
    if (dash > 0) {
      code = code.substring(0, dash); // en-GB -> en
    }
    return code.matches("[a-z]{2,3}") ? code : UNDETERMINED;
  }

  private static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }
}
