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
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    int n = text.length();
    int start = -1;
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      if (cp >= 0x3040 && (Character.isIdeographic(cp) || isKana(cp))) {
        if (start >= 0) {
          words.add(text.substring(start, i));
          start = -1;
        }
        words.add(text.substring(i, i + len));
      } else if (isWordChar(cp)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0
          && i + len < n
          && joins(text.codePointBefore(i), cp, text.codePointAt(i + len))) {
        // inner joiner: keep going
      } else if (start >= 0) {
        words.add(text.substring(start, i));
        start = -1;
      }
      i += len;
    }
    if (start >= 0) {
      words.add(text.substring(start));
    }
    return words;
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
    List<String> words = words(text);
    List<String> result = new ArrayList<>(words.size());
    StringBuilder sb = new StringBuilder();
    for (String word : words) {
      if (isPlainAscii(word)) {
        result.add(word.toLowerCase(Locale.ROOT));
        continue;
      }
      sb.setLength(0);
      for (int i = 0; i < word.length(); ) {
        int cp = word.codePointAt(i);
        if (isWordChar(cp) || Character.isIdeographic(cp)) {
          sb.appendCodePoint(cp);
        }
        i += Character.charCount(cp);
      }
      result.add(sb.toString().toLowerCase(Locale.ROOT));
    }
    return result;
  }

  static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    return Character.isLetterOrDigit(cp)
        || Character.getType(cp) == Character.NON_SPACING_MARK
        || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isPlainAscii(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
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
