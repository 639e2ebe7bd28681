package io.newsstream.processor.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into words, the unit shared by word count, topics and SimHash. A word is a run of
 * letters, digits and marks, with apostrophes, hyphens, dots and commas allowed between two
 * such characters ({@code don't}, {@code end-to-end}, {@code U.S}, {@code 1,400}); ideographic
 * characters (Chinese, Japanese) are one word each, since those scripts do not separate words.
 * Stateless and thread-safe.
 */
public final class WordTokenizer {

  private WordTokenizer() {}

  /** Words of the text in order, as written. */
  public static List<String> words(String text) {
    return split(text, false, null);
  }

  /**
   * Words of the text in order, as written or {@link #normalizedWords normalised}: normalising
   * while splitting saves copying each word twice. With {@code numbers}, also adds to it, as
   * written, every word that starts with a digit.
   */
  private static List<String> split(String text, boolean normalize, List<String> numbers) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    StringBuilder scratch = normalize ? new StringBuilder() : null;
    int n = text.length();
    int start = -1;
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      if (cp >= 0x3040 && (Character.isIdeographic(cp) || isKana(cp))) {
        if (start >= 0) {
          add(text, start, i, scratch, words, numbers);
          start = -1;
        }
        add(text, i, i + len, scratch, words, numbers);
      } else if (isWordChar(cp)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0
          && i + len < n
          && joins(text.codePointBefore(i), cp, text.codePointAt(i + len))) {
        // inner joiner: keep going
      } else if (start >= 0) {
        add(text, start, i, scratch, words, numbers);
        start = -1;
      }
      i += len;
    }
    if (start >= 0) {
      add(text, start, n, scratch, words, numbers);
    }
    return words;
  }

  /**
   * Adds the word {@code text[start, end)} to {@code words}, normalised when a scratch buffer is
   * given, and as written to {@code numbers} (when given) if it starts with a digit.
   */
  private static void add(String text, int start, int end, StringBuilder scratch, List<String> words, List<String> numbers) {
    words.add(scratch == null ? text.substring(start, end) : normalized(text, start, end, scratch));
    if (numbers != null && Character.isDigit(text.charAt(start))) {
      numbers.add(text.substring(start, end));
    }
  }

  /** Number of words, without building the list. */
  public static int count(String text) {
    return words(text).size();
  }

  /**
   * Lower-cased words with inner punctuation removed ({@code WhatsApp’s} and {@code WhatsApp's}
   * both give {@code whatsapps}), for comparisons that must not depend on typography.
   */
  public static List<String> normalizedWords(String text) {
    return split(text, true, null);
  }

  /**
   * {@link #normalizedWords Normalised words}, and in the same pass the {@link #words words as
   * written} that start with a digit ({@code 1,400}, {@code 2.5}), added to {@code numbers}:
   * figures as written tell {@code 1.4} from {@code 14}, which both normalise to {@code 14}.
   */
  public static List<String> normalizedWords(String text, List<String> numbers) {
    return split(text, true, numbers);
  }

  /** The normalised form of the word {@code text[start, end)}. */
  private static String normalized(String text, int start, int end, StringBuilder scratch) {
    boolean upper = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        return normalizedNonAscii(text.substring(start, end), scratch);
      }
    }
    if (!upper) {
      return text.substring(start, end);
    }
    char[] lower = new char[end - start];
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      lower[i - start] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return new String(lower);
  }

  private static String normalizedNonAscii(String word, StringBuilder sb) {
    sb.setLength(0);
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      if (isWordChar(cp) || Character.isIdeographic(cp)) {
        sb.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    return Character.isLetterOrDigit(cp)
        || Character.getType(cp) == Character.NON_SPACING_MARK
        || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
  }

  private static boolean joins(int before, int cp, int after) {
    if (!isWordChar(after) || Character.isIdeographic(after)) {
      return false;
    }
    return switch (cp) {
      case '\'', '’', '-', '&' -> true;
      case ',' -> Character.isDigit(before) && Character.isDigit(after);
      case '.' ->
          (Character.isDigit(before) && Character.isDigit(after))
              || (Character.isUpperCase(before) && Character.isUpperCase(after));
      default -> false;
    };
  }

  private static boolean isKana(int cp) {
    Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
    return block == Character.UnicodeBlock.HIRAGANA || block == Character.UnicodeBlock.KATAKANA;
  }
}
