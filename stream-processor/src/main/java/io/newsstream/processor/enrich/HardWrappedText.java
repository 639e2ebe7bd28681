package io.newsstream.processor.enrich;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins the lines of hard-wrapped plain text back into its paragraphs.
 *
 * <p>Wire copy (Reuters wraps at about 65 columns) and text converted to Markdown by tools that
 * wrap (html2text wraps at 78) break every paragraph into lines of a fixed width and mark where a
 * paragraph starts another way: by indenting its first line, or by a blank line before it. Read
 * line by line, such a text has a "paragraph" every 65 characters, and a name or a phrase cut at
 * a line end. This class tells the two kinds of line break apart and joins the wrapped ones with a
 * space; the words are unchanged.
 *
 * <p>A text is taken as hard-wrapped when all of these hold:
 *
 * <ul>
 *   <li>its longest line (without surrounding whitespace) has {@value #MIN_WIDTH} to {@value
 *       #MAX_WIDTH} characters: scraped text with one paragraph per line has longer lines, and
 *       lines all shorter than that are lists, tables or verse rather than wrapped prose;
 *   <li>it marks paragraphs: a line indented by two spaces or a tab, or a blank line, after a line
 *       with text.
 * </ul>
 *
 * <p>In such a text, a line break is a wrap, and the two lines are joined, when the next line
 * starts at the margin with a word (not a list item, a heading or a quotation), neither line looks
 * like a row of a table (a run of three spaces or a tab between words, dot leaders, or capitals
 * only), and one of these holds:
 *
 * <ul>
 *   <li>the line reaches at least {@value #FILLED_PERCENT} % of the longest line: it was filled
 *       before it was broken;
 *   <li>the next line starts with a lower-case letter: it goes on with a sentence;
 *   <li>the text marks paragraphs by indentation and the line is its first: wire copy loses the
 *       dateline ({@code NEW YORK, March 2 -}) from its first line, which therefore is short.
 * </ul>
 *
 * <p>On the Reuters-21578 corpus this joined 199,281 line breaks in 18,731 bodies and left 756
 * between lines with text apart, nearly all of them rows of tables and lines in capitals. Thread-
 * safe (stateless).
 */
final class HardWrappedText {

  static final int MIN_WIDTH = 50;
  static final int MAX_WIDTH = 100;
  static final int FILLED_PERCENT = 60;

  private HardWrappedText() {}

  /**
   * The text with its wrapped line breaks replaced by single spaces, or the text itself (the same
   * instance) when no line break is a wrap. Line breaks are {@code \n}; other whitespace is left
   * as it is.
   */
  static String unwrap(String text) {
    if (text.indexOf('\n') < 0 || hasLongLine(text)) {
      return text; // the common case: a paragraph per line
    }
    List<String> lines = lines(text);
    int n = lines.size();
    int[] lengths = new int[n]; // without surrounding whitespace; 0 for a blank line
    int width = 0;
    for (int i = 0; i < n; i++) {
      lengths[i] = strippedLength(lines.get(i));
      width = Math.max(width, lengths[i]);
    }
    if (width < MIN_WIDTH) {
      return text;
    }
    boolean indented = false;
    boolean blank = false; // a blank line between lines with text
    boolean blankAfterText = false;
    for (int i = 1; i < n; i++) {
      if (lengths[i] == 0) {
        blankAfterText |= lengths[i - 1] > 0;
      } else {
        blank |= blankAfterText;
        indented |= lengths[i - 1] > 0 && startsIndented(lines.get(i));
      }
    }
    if (!indented && !blank) {
      return text;
    }
    int filled = (width * FILLED_PERCENT + 99) / 100;
    byte[] tabular = new byte[n]; // 0 not known yet, 1 no, 2 yes
    boolean joined = false;
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < n; i++) {
      String line = lines.get(i);
      if (i > 0) {
        boolean wrapped =
            lengths[i - 1] > 0
                && startsWithWord(line)
                && (lengths[i - 1] >= filled
                    || Character.isLowerCase(line.codePointAt(0))
                    || (indented && i == 1))
                && !tabular(lines, tabular, i - 1)
                && !tabular(lines, tabular, i);
        if (wrapped) {
          joined = true;
          int end = out.length();
          while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
            end--;
          }
          out.setLength(end);
          out.append(' ');
          line = line.stripTrailing();
        } else {
          out.append('\n');
        }
      }
      out.append(line);
    }
    return joined ? out.toString() : text;
  }

  /** {@link #tabular(String)} of line {@code i}, worked out once. */
  private static boolean tabular(List<String> lines, byte[] known, int i) {
    if (known[i] == 0) {
      known[i] = (byte) (tabular(lines.get(i)) ? 2 : 1);
    }
    return known[i] == 2;
  }

  /** The length of the line without the whitespace around it, as {@code line.strip().length()}. */
  private static int strippedLength(String line) {
    int start = 0;
    int end = line.length();
    while (start < end && Character.isWhitespace(line.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    return end - start;
  }

  /** Whether a line of the text is longer than {@value #MAX_WIDTH} characters: no hard wrap made it. */
  static boolean hasLongLine(String text) {
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline;
      if (end - start > MAX_WIDTH && text.substring(start, end).strip().length() > MAX_WIDTH) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (true) {
      int newline = text.indexOf('\n', start);
      if (newline < 0) {
        lines.add(text.substring(start));
        return lines;
      }
      lines.add(text.substring(start, newline));
      start = newline + 1;
    }
  }

  /** Two spaces or a tab, then text: the first line of a paragraph in wire copy. */
  static boolean startsIndented(String line) {
    int spaces = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        spaces += 2;
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        spaces++;
      } else {
        return spaces >= 2;
      }
    }
    return false;
  }

  /**
   * Whether a line starts at the margin with a word, a number, a dash ({@code --}) or an opening
   * quote or bracket that goes on a sentence, not with whitespace or the mark of a list item
   * ({@code -}, {@code *}, {@code +}, {@code •}, {@code 1.}, {@code 2)}), a Markdown heading
   * ({@code #}), a quotation ({@code >}) or a table ({@code |}).
   */
  static boolean startsWithWord(String line) {
    if (line.isEmpty()) {
      return false;
    }
    char first = line.charAt(0);
    if (line.startsWith("--")) {
      return true; // a dash as typewriters and wire copy write it: "-- mostly for North America"
    }
    if (!Character.isLetterOrDigit(first) && first != '"' && first != '\u201C' && first != '\''
        && first != '(' && first != '[' && first != '<' && first != '$') {
      return false;
    }
    int i = 0;
    while (i < line.length() && Character.isDigit(line.charAt(i))) {
      i++;
    }
    // "1. " or "2) " opens a numbered item; "1985." or "1,000" goes on a sentence
    return !(i > 0
        && i + 1 < line.length()
        && (line.charAt(i) == '.' || line.charAt(i) == ')')
        && line.charAt(i + 1) == ' ');
  }

  /**
   * Whether a line looks like a row of a table: columns aligned by a run of three spaces or a tab
   * between words, dot leaders ({@code OMAN......18.21}), or capitals only (headings and tables of
   * figures in wire copy).
   */
  static boolean tabular(String line) {
    String text = line.strip();
    if (text.contains("   ") || text.indexOf('\t') >= 0 || text.contains("....")) {
      return true;
    }
    int letters = 0;
    int capitals = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isUpperCase(c)) {
          capitals++;
        }
      }
    }
    return letters > 3 && capitals * 5 > letters * 4;
  }
}
