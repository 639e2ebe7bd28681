package io.newsstream.benchmarks.quality;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Generates the edited copies of a real article that a syndicating outlet or a second scraper
 * would submit: each keeps the article's news and changes only what outlets change. Pure
 * functions of their input and the given {@link Random}, so a seed reproduces a run.
 */
public final class Variants {

  /** Reuters starts each paragraph on a new, indented line. */
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n(?=[ \\t]+\\S)|\\n\\s*\\n");

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=\\S)");

  private static final List<String> NAMES =
      List.of("Jane Light", "Tom Brown", "Maria Ortiz", "Kenji Sato", "David Clarke", "Anna Weber", "Peter Graff");

  private static final List<String> CITIES = List.of("London", "New York", "Tokyo", "Frankfurt", "Washington");

  private Variants() {}

  /**
   * The body unchanged under a new headline made of the first words of the first sentence
   * (what aggregators do when they rewrite a headline), in sentence case.
   */
  public static String changedHeadline(String title, String body) {
    String first = SENTENCE_END.split(body.strip(), 2)[0];
    String[] words = first.strip().split("\\s+");
    StringBuilder headline = new StringBuilder();
    for (int i = 0; i < Math.min(words.length, 9); i++) {
      if (i > 0) {
        headline.append(' ');
      }
      headline.append(words[i]);
    }
    String candidate = headline.toString().replaceAll("[,;:.]+$", "");
    if (candidate.isEmpty()) {
      candidate = title;
    }
    String sentenceCase =
        candidate.substring(0, 1).toUpperCase(Locale.ROOT) + candidate.substring(1).toLowerCase(Locale.ROOT);
    return sentenceCase.equalsIgnoreCase(title.strip()) ? sentenceCase + " - update" : sentenceCase;
  }

  /**
   * The body with one or two lines of outlet boilerplate appended: reporting and editing credits,
   * a copyright line or the outlet's standards line.
   */
  public static String withBoilerplate(String body, Random random) {
    String credits =
        random.nextBoolean()
            ? "Reporting by " + pick(NAMES, random) + "; Editing by " + pick(NAMES, random)
            : "Reporting by " + pick(NAMES, random) + " in " + pick(CITIES, random) + "; Additional reporting by "
                + pick(NAMES, random) + "; Editing by " + pick(NAMES, random);
    List<String> closing =
        List.of("Copyright 1987 Reuters. All rights reserved.", "Our Standards: The Reuters Trust Principles.");
    StringBuilder out = new StringBuilder(body.stripTrailing()).append("\n\n").append(credits);
    if (random.nextBoolean()) {
      out.append("\n\n").append(pick(closing, random));
    }
    return out.append('\n').toString();
  }

  /**
   * The body without its last paragraph, or without its last sentence when it has one paragraph;
   * null when it has a single sentence (nothing to trim: no such variant).
   */
  public static String withoutLastParagraph(String body) {
    String text = body.strip();
    String[] paragraphs = PARAGRAPH_BREAK.split(text);
    if (paragraphs.length >= 2) {
      int cut = lastBreak(text);
      return text.substring(0, cut).stripTrailing();
    }
    String[] sentences = SENTENCE_END.split(text);
    if (sentences.length >= 2) {
      int at = text.lastIndexOf(sentences[sentences.length - 1]);
      return text.substring(0, at).stripTrailing();
    }
    return null;
  }

  /**
   * The same words re-typeset: hard line breaks inside paragraphs joined, paragraphs separated by
   * blank lines, two spaces after sentences, straight quotes made curly and spaced hyphens made
   * en dashes.
   */
  public static String retypeset(String body) {
    String[] paragraphs = PARAGRAPH_BREAK.split(body.strip());
    StringBuilder out = new StringBuilder();
    for (String paragraph : paragraphs) {
      String joined = paragraph.strip().replaceAll("\\s*\\n\\s*", " ");
      joined = SENTENCE_END.matcher(joined).replaceAll("  ");
      if (!out.isEmpty()) {
        out.append("\n\n");
      }
      out.append(curlyQuotes(joined).replace(" - ", " \u2013 "));
    }
    return out.toString();
  }

  /** Straight double quotes to alternating opening/closing curly ones; apostrophes to U+2019. */
  static String curlyQuotes(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean open = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        out.append(open ? '\u201C' : '\u201D');
        open = !open;
      } else if (c == '\'') {
        out.append('\u2019');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int lastBreak(String text) {
    var matcher = PARAGRAPH_BREAK.matcher(text);
    int last = -1;
    while (matcher.find()) {
      last = matcher.start();
    }
    return last;
  }

  private static String pick(List<String> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }
}
