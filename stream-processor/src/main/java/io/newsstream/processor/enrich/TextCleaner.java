package io.newsstream.processor.enrich;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns a submitted body into clean text: HTML to text when the body has markup, Unicode NFKC
 * normalisation, page furniture removed, sentences glued together by scrapers separated again,
 * and whitespace collapsed.
 *
 * <p>Output format: one paragraph per line, lines separated by a single {@code \n}, no blank
 * lines, no leading or trailing spaces, runs of spaces and tabs collapsed to one space. Line
 * breaks of the source are kept as paragraph breaks, except in hard-wrapped plain text (wire copy
 * that indents its paragraphs, wrapped Markdown), whose wrapped lines are joined into their
 * paragraphs first (see {@link HardWrappedText}); words and hashes do not depend on line breaks.
 * Typographic quotes are kept in the text; the hashes normalise them (see {@link ContentHasher}).
 *
 * <p>Furniture: lines that consist only of one of the configured furniture lines ({@code Close},
 * {@code Advertisement}, {@code Also read}, ...; compared case-insensitively, ignoring a trailing
 * colon) are removed everywhere; per-domain regular expressions from the configuration are then
 * removed from bodies of that registrable domain (the defaults strip moneycontrol.com's glued
 * subscription promotion), and from bodies of other domains that name the outlet (the first label
 * of its domain, {@code moneycontrol}, as a whole word in any case): a copy of an outlet's page on
 * another site carries the outlet's furniture, which then names it. Credit and rights lines that
 * close a body ({@code Reporting by …; Editing by …}, {@code Copyright … All rights reserved.},
 * {@code Our Standards: …}) are removed as well, so a syndicated copy cleans to the same text as
 * the original. Thread-safe.
 */
public final class TextCleaner {

  private static final Pattern MARKUP =
      Pattern.compile(
          "<(?:p|div|br|span|a|html|body|head|h[1-6]|li|ul|ol|article|section|script|style|img"
              + "|strong|em|b|i|figure|table|blockquote|iframe|header|footer|nav)\\b[^>]*>"
              + "|</[a-z][a-z0-9]*>|&(?:nbsp|amp|quot|lt|gt|#\\d+|#x[0-9a-f]+|[a-z]+);",
          Pattern.CASE_INSENSITIVE);
  private static final Set<String> BLOCKS =
      Set.of(
          "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "article",
          "section", "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt", "figcaption",
          "main", "hr", "header", "footer");
  private static final String DROPPED_ELEMENTS =
      "script,style,noscript,nav,aside,form,iframe,svg,button,template,title,head";
  /** "breach.A member": a sentence end followed directly by the next sentence. */
  static final Pattern GLUED_SENTENCE =
      Pattern.compile("(?<=\\p{Ll}\\p{Ll}[.!?])(?=\\p{Lu}(?:\\p{Ll}|\\s))");
  /**
   * Credit and rights lines that outlets append to a syndicated story ("Reporting by …; Editing
   * by …", "Copyright 2024 Reuters. All rights reserved.", "Our Standards: …"): furniture when
   * they close the body, and only there.
   */
  private static final Pattern CREDIT_LINE =
      Pattern.compile(
          // "(Reporting by …)", "Reporting by A; Editing by B", or a short "Reporting by A B"
          "^\\((?:additional )?(?:reporting|writing|editing|compiled|produced) by\\b.*\\)\\.?"
              + "|^(?:additional )?(?:reporting|writing|editing|compiled|produced) by\\b[^;]*;.*"
              + "|^(?:additional )?(?:reporting|writing|editing|compiled|produced) by(?:\\s+\\S+){1,4}"
              + "|^(?:copyright|©|\\(c\\))\\s.*"
              + "|.*\\ball rights reserved\\.?\\s*$"
              + "|^our standards:.*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\h\\x0B\\f]+");
  private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");

  /** Character reads a per-domain rule may make per character of the body, plus a minimum. */
  static final long RULE_BUDGET_PER_CHAR = 100;

  static final long RULE_BUDGET_MIN = 1_000_000;

  private static final Logger LOG = LoggerFactory.getLogger(TextCleaner.class);

  private final Set<String> furnitureLines;
  private final int longestFurniture;
  private final EnrichmentConfig config;
  /** Outlets with furniture rules, each with the name its pages' furniture would mention. */
  private final List<Outlet> outlets;

  /** An outlet's registrable domain, its name in lower case and its furniture rules. */
  private record Outlet(String domain, String name, List<Pattern> rules) {

    /** Whether the lower-cased text names this outlet as a whole word. */
    boolean isNamedIn(String lowerText) {
      for (int i = lowerText.indexOf(name); i >= 0; i = lowerText.indexOf(name, i + 1)) {
        int end = i + name.length();
        if ((i == 0 || !Character.isLetterOrDigit(lowerText.charAt(i - 1)))
            && (end == lowerText.length() || !Character.isLetterOrDigit(lowerText.charAt(end)))) {
          return true;
        }
      }
      return false;
    }
  }

  public TextCleaner(EnrichmentConfig config) {
    this.config = config;
    Set<String> lines = new HashSet<>();
    for (String line : config.furnitureLines()) {
      lines.add(furnitureKey(line));
    }
    this.furnitureLines = Set.copyOf(lines);
    this.longestFurniture = lines.stream().mapToInt(String::length).max().orElse(0);
    List<Outlet> withRules = new ArrayList<>();
    config
        .domainFurniture()
        .forEach(
            (domain, rules) -> {
              int dot = domain.indexOf('.');
              String name = dot > 0 ? domain.substring(0, dot) : domain;
              withRules.add(new Outlet(domain, name.toLowerCase(Locale.ROOT), rules));
            });
    this.outlets = List.copyOf(withRules);
  }

  /** Cleans a headline: NFKC, no markup, one line, whitespace collapsed. */
  public String cleanTitle(String title) {
    if (title == null) {
      return "";
    }
    String text = looksLikeMarkup(title) ? Jsoup.parse(title).text() : title;
    text = normalize(text);
    return HORIZONTAL_SPACE.matcher(text.replace('\n', ' ').replace('\r', ' ')).replaceAll(" ").strip();
  }

  /**
   * Cleans a body.
   *
   * @param body text as submitted, possibly HTML
   * @param domain registrable domain the article comes from, selecting per-domain rules
   */
  public String cleanBody(String body, String domain) {
    if (body == null || body.isEmpty()) {
      return "";
    }
    boolean markup = looksLikeMarkup(body);
    String text = markup ? htmlToText(body) : body;
    text = normalize(text);
    text = removeFurnitureLines(text);
    text = removeTrailingCredits(text);
    text = removeOutletFurniture(text, domain);
    if (!markup) {
      text = HardWrappedText.unwrap(text);
    }
    if (mayHaveGluedSentence(text)) {
      text = GLUED_SENTENCE.matcher(text).replaceAll(" ");
    }
    return collapseWhitespace(text);
  }

  /**
   * Applies the furniture rules of the article's own domain, then those of every other outlet the
   * text names (an outlet's page copied by another site keeps the outlet's furniture).
   */
  private String removeOutletFurniture(String text, String domain) {
    for (Pattern rule : config.furnitureFor(domain)) {
      text = applyRule(rule, text, domain);
    }
    String lower = null;
    for (Outlet outlet : outlets) {
      if (outlet.domain().equals(domain)) {
        continue;
      }
      if (lower == null) {
        lower = text.toLowerCase(Locale.ROOT);
      }
      if (outlet.isNamedIn(lower)) {
        for (Pattern rule : outlet.rules()) {
          text = applyRule(rule, text, outlet.domain());
        }
        lower = null;
      }
    }
    return text;
  }

  /**
   * Applies one per-domain rule within a budget of character reads proportional to the text's
   * length, so that a configured expression that backtracks badly cannot stall the stream: a
   * rule over budget (or one whose recursion overflows the stack) leaves the text unchanged for
   * that article and is logged.
   */
  private static String applyRule(Pattern rule, String text, String domain) {
    long budget = RULE_BUDGET_PER_CHAR * (long) text.length() + RULE_BUDGET_MIN;
    try {
      return rule.matcher(new BudgetedText(text, budget)).replaceAll("");
    } catch (BudgetedText.Exhausted | StackOverflowError e) {
      // java.util.regex recurses per repetition; a deep one overflows the stack instead.
      LOG.warn(
          "Furniture rule for {} exceeded its budget on a {}-character body and was skipped: {}",
          domain, text.length(), rule.pattern());
      return text;
    }
  }

  /** A read-only view of a string that fails once too many characters were read. */
  private static final class BudgetedText implements CharSequence {
    static final class Exhausted extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Exhausted() {
        super(null, null, false, false);
      }
    }

    private final String text;
    private final int offset;
    private final int length;
    private final long[] budget;

    BudgetedText(String text, long budget) {
      this(text, 0, text.length(), new long[] {budget});
    }

    private BudgetedText(String text, int offset, int length, long[] budget) {
      this.text = text;
      this.offset = offset;
      this.length = length;
      this.budget = budget;
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public char charAt(int index) {
      if (--budget[0] < 0) {
        throw new Exhausted();
      }
      return text.charAt(offset + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new BudgetedText(text, offset + start, end - start, budget);
    }

    @Override
    public String toString() {
      return text.substring(offset, offset + length);
    }
  }

  static boolean looksLikeMarkup(String text) {
    return text.indexOf('<') >= 0 || text.indexOf('&') >= 0 ? MARKUP.matcher(text).find() : false;
  }

  private static String normalize(String text) {
    if (belowNoBreakSpace(text)) {
      // Characters below U+00A0 are their own NFKC form, and none of them is zero-width.
      return lineBreaksAndControls(text);
    }
    String nfkc = Normalizer.isNormalized(text, Normalizer.Form.NFKC)
        ? text
        : Normalizer.normalize(text, Normalizer.Form.NFKC);
    return ZERO_WIDTH.matcher(lineBreaksAndControls(nfkc)).replaceAll("");
  }

  /**
   * Every line break ({@code \r\n}, {@code \r}, NEL U+0085, U+2028, U+2029) as {@code \n}, and
   * the control characters that are neither a break nor a space (C0 and C1, DEL) removed: they
   * are invisible in any reader and would otherwise stay in the text and its hash.
   */
  private static String lineBreaksAndControls(String text) {
    int n = text.length();
    int i = 0;
    while (i < n && !special(text.charAt(i))) {
      i++;
    }
    if (i == n) {
      return text; // the common case: nothing to change
    }
    StringBuilder sb = new StringBuilder(n).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (!special(c)) {
        sb.append(c);
      } else if (c == '\r') {
        sb.append('\n');
        if (i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
        sb.append('\n');
      }
      // any other control character is dropped
    }
    return sb.toString();
  }

  /** A carriage return, a Unicode line break, or a control character other than tab, LF, VT, FF. */
  private static boolean special(char c) {
    if (c < ' ') {
      return c != '\t' && c != '\n' && c != '\u000B' && c != '\f';
    }
    return (c >= '\u007F' && c <= '\u009F') || c == '\u2028' || c == '\u2029';
  }

  /** Every line of the text that is not furniture, each followed by {@code \n}. */
  private String removeFurnitureLines(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 1);
    int start = 0;
    while (true) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline;
      if (!isFurniture(text, start, end)) {
        sb.append(text, start, end).append('\n');
      }
      if (newline < 0) {
        return sb.toString();
      }
      start = newline + 1;
    }
  }

  /** Whether {@code text[start, end)} is one of the furniture lines. */
  private boolean isFurniture(String text, int start, int end) {
    // Furniture lines are short; only those are worth normalising and looking up.
    if (end - start > longestFurniture + 40) {
      return false;
    }
    // Most lines are too long to be furniture even without their whitespace: the key keeps each
    // non-space ASCII character as one character (all but a trailing colon), and lower-casing
    // turns no character into nothing, so more of them than the longest furniture line allows
    // (plus the colon) rule the line out.
    int ascii = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < 0x80 && !Character.isWhitespace(c) && ++ascii - 1 > longestFurniture) {
        return false;
      }
    }
    return furnitureLines.contains(furnitureKey(text.substring(start, end)));
  }

  /**
   * Whether {@link #GLUED_SENTENCE} can match at all: it needs a sentence end after a lower-case
   * letter and before an upper-case one, which most texts do not have, and the expression is
   * slow to rule that out itself.
   */
  static boolean mayHaveGluedSentence(String text) {
    for (int i = 2; i + 1 < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '.' || c == '!' || c == '?')
          && Character.getType(text.codePointAt(i + 1)) == Character.UPPERCASE_LETTER) {
        char before = text.charAt(i - 1);
        // a lower-case letter outside the Basic Multilingual Plane ends in a low surrogate
        if (Character.getType(before) == Character.LOWERCASE_LETTER
            || Character.isLowSurrogate(before)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean belowNoBreakSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= '\u00A0') {
        return false;
      }
    }
    return true;
  }

  /** Drops credit lines (see {@link #CREDIT_LINE}) from the end of the text, blank lines between them too. */
  private static String removeTrailingCredits(String text) {
    int end = text.length();
    while (end > 0) {
      int stripped = end;
      while (stripped > 0 && Character.isWhitespace(text.charAt(stripped - 1))) {
        stripped--;
      }
      int start = text.lastIndexOf('\n', stripped - 1) + 1;
      String line = text.substring(start, stripped).strip();
      if (line.isEmpty() || line.length() > 300 || !CREDIT_LINE.matcher(line).matches()) {
        break;
      }
      end = start;
    }
    return end == text.length() ? text : text.substring(0, end);
  }

  private static String furnitureKey(String line) {
    String key = HORIZONTAL_SPACE.matcher(line).replaceAll(" ").strip();
    if (key.endsWith(":")) {
      key = key.substring(0, key.length() - 1).strip();
    }
    return key.toLowerCase(Locale.ROOT);
  }

  /** Runs of spaces within a line become one space; lines are trimmed; empty lines dropped. */
  private static String collapseWhitespace(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    int lineStart = 0; // index in sb where the current line starts
    boolean pendingSpace = false;
    int n = text.length();
    for (int i = 0; i < n; ) {
      char c = text.charAt(i);
      if (c == '\n') {
        pendingSpace = false;
        if (sb.length() > lineStart) {
          sb.append('\n');
          lineStart = sb.length();
        }
        i++;
      } else if (isSpace(c)) {
        pendingSpace = sb.length() > lineStart;
        i++;
      } else {
        if (pendingSpace) {
          sb.append(' ');
          pendingSpace = false;
        }
        int end = i + 1;
        while (end < n && !isSpace(text.charAt(end))) {
          end++; // a line break is a space too
        }
        sb.append(text, i, end);
        i = end;
      }
    }
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == '\n') {
      end--;
    }
    sb.setLength(end);
    return sb.toString();
  }

  private static boolean isSpace(char c) {
    // printable ASCII, most of the text, is neither
    return (c <= ' ' || c >= 0x7F) && (Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  private static String htmlToText(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    doc.select(DROPPED_ELEMENTS).remove();
    StringBuilder sb = new StringBuilder(html.length() / 2);
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
              sb.append(textNode.text());
            } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
              sb.append('\n');
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
              sb.append('\n');
            }
          }
        },
        doc.body());
    return sb.toString();
  }
}
