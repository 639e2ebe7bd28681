package io.newsstream.processor.enrich;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Assigns taxonomy topics to an article from weighted terms and phrases in the configuration
 * (multi-label, strongest first).
 *
 * <p>Title and body are reduced to {@link WordTokenizer#normalizedWords normalised words}
 * (lower-case, inner punctuation removed: {@code e-cigarette} matches {@code ecigarette}); taxonomy
 * terms are normalised the same way. A term is a word, a prefix ({@code elect*}) or a phrase of
 * several words. A term found {@code b} times in the body and {@code t} times in the title adds
 * {@code weight * log2(1 + b + 2t)} to its topic: a headline mention counts like two body
 * mentions and repetition has diminishing returns. A topic is assigned when its score reaches
 * the threshold and at least {@value #RELATIVE_CUT} of the best topic's score (so that a long
 * article does not collect every topic it touches in passing); at most the configured number
 * are kept. Scores are rounded to three decimals. Thread-safe.
 *
 * <p>A word of the text that is not in the taxonomy but ends in {@code s} also matches the word
 * without it: normalisation drops the apostrophe, so {@code Apple's} arrives as {@code apples},
 * and plurals of single-word terms need no entries of their own. A word that is itself in the
 * taxonomy only matches its own entry.
 *
 * <p>A term {@code url:<segment>} names a section of the site: it matches a whole segment of the
 * path of the article's URL (case-insensitive; {@code url:business} matches {@code
 * https://example.com/Business/2014/story}) and counts as one mention in the title. News sites
 * file most articles under a section, so it is evidence that does not depend on the wording, and
 * the only evidence beyond the headline that a headline-only article has.
 *
 * <p>A term {@code site:<domain>} names an outlet that covers mainly one topic: it matches when
 * the host of the article's URL is that domain or one of its subdomains ({@code
 * site:variety.com} matches {@code https://www.variety.com/…}; {@code site:money.cnn.com} only
 * that section of a general site) and counts as one mention in the title, like a section.
 *
 * <p>A term {@code <language>:<term>} ({@code de:wahl*}, an ISO 639-1 code) is scoped to articles
 * of that language. An article whose language has scoped terms is matched against those instead
 * of the unscoped ones, which in the default taxonomy are English: read as English, the German
 * {@code war} ("was") is a word of politics. Sections and outlets apply whatever the language.
 * In French and Italian a word that matches nothing is tried again without an elided article or
 * preposition glued to it by normalisation ({@code l’inflation} arrives as {@code linflation}).
 *
 * <p>No topic reaching the threshold yields an empty list (the article is then routed to the
 * general stream), except for a short text: when title and body together have at most {@value
 * #SHORT_TEXT_WORDS} words (a headline-only article), the strongest topic is kept if it has any
 * evidence at all, since six to twelve words rarely leave room for the threshold and a weak
 * topic is a better route than general. A short text without a single taxonomy term still gets
 * no topic.
 */
public final class TopicClassifier {

  /** Share of the best score another topic needs to be assigned as well. */
  public static final double RELATIVE_CUT = 0.5;

  /**
   * Longest text (title and body words together) that keeps its strongest topic when no topic
   * reaches the threshold: about a headline and a standfirst.
   */
  public static final int SHORT_TEXT_WORDS = 40;

  private record Weighted(int topic, double weight, String term) {}

  /** A taxonomy term of this form names a section of the URL path: {@code url:business}. */
  public static final String SECTION_PREFIX = "url:";

  /** A taxonomy term of this form names an outlet by its domain: {@code site:variety.com}. */
  public static final String SITE_PREFIX = "site:";

  private final List<String> topics;
  /** URL path sections ({@code url:<segment>} terms) by segment. */
  private final Map<String, List<Weighted>> sections = new HashMap<>();
  /** Outlets ({@code site:<domain>} terms) by domain. */
  private final Map<String, List<Weighted>> sites = new HashMap<>();
  /** The unscoped words, prefixes and phrases. */
  private final Vocabulary common;
  /** Words, prefixes and phrases of the languages that have terms of their own ({@code de:…}). */
  private final Map<String, Vocabulary> byLanguage = new HashMap<>();

  private record Phrase(String[] words, Weighted term) {}
  private final double threshold;
  private final int maxTopics;

  public TopicClassifier(EnrichmentConfig config) {
    this.topics = config.topicNames();
    this.threshold = config.topicThreshold();
    this.maxTopics = config.maxTopics();
    Map<String, Vocabulary.Builder> builders = new HashMap<>();
    Vocabulary.Builder unscoped = new Vocabulary.Builder(null);
    for (int t = 0; t < topics.size(); t++) {
      for (Map.Entry<String, Double> e : config.taxonomy().get(topics.get(t)).entrySet()) {
        String raw = e.getKey();
        if (raw.startsWith(SECTION_PREFIX)) {
          String segment = raw.substring(SECTION_PREFIX.length()).strip().toLowerCase(Locale.ROOT);
          if (!segment.isEmpty()) {
            sections.computeIfAbsent(segment, k -> new ArrayList<>()).add(new Weighted(t, e.getValue(), raw));
          }
          continue;
        }
        if (raw.startsWith(SITE_PREFIX)) {
          String domain = raw.substring(SITE_PREFIX.length()).strip().toLowerCase(Locale.ROOT);
          if (domain.startsWith("www.")) {
            domain = domain.substring(4);
          }
          if (!domain.isEmpty()) {
            sites.computeIfAbsent(domain, k -> new ArrayList<>()).add(new Weighted(t, e.getValue(), raw));
          }
          continue;
        }
        String language = languageOf(raw);
        if (language == null) {
          unscoped.add(t, raw, e.getValue());
        } else {
          builders
              .computeIfAbsent(language, Vocabulary.Builder::new)
              .add(t, raw.substring(language.length() + 1), e.getValue());
        }
      }
    }
    this.common = unscoped.build();
    builders.forEach((language, builder) -> byLanguage.put(language, builder.build()));
  }

  /**
   * The language a term is scoped to: {@code de} for {@code de:wahl*}, null for an unscoped term.
   */
  static String languageOf(String term) {
    if (term.length() > 3
        && term.charAt(2) == ':'
        && isLowerAscii(term.charAt(0))
        && isLowerAscii(term.charAt(1))) {
      return term.substring(0, 2);
    }
    return null;
  }

  private static boolean isLowerAscii(char c) {
    return c >= 'a' && c <= 'z';
  }

  /**
   * Confidence a detected language needs for its terms to be used on a short text (at most
   * {@value #SHORT_TEXT_WORDS} words, such as a headline alone). Headlines are often detected
   * with a low one, and sometimes as the wrong language: of the 6,366 English UCI News Aggregator
   * headlines, 136 were detected as another language, all with a confidence under 0.2, while
   * five of nine German, French, Spanish, Italian, Portuguese and Dutch headlines tried came out
   * at 0.26 to 0.42.
   */
  public static final double MIN_LANGUAGE_CONFIDENCE = 0.25;

  /**
   * Confidence a detected language needs for its terms to be used on a longer text. Running text
   * is mostly detected by its function words, with 0.67 or more; Lingua decides the rest, with
   * less when the languages are close (it gave Italian, Spanish and Portuguese paragraphs 0.13 to
   * 0.24). Lingua calls some of Reuters' English tables of figures French or German, all 28 of
   * them with 0.15 or less.
   */
  public static final double MIN_LANGUAGE_CONFIDENCE_LONG_TEXT = 0.16;

  /** The languages that have terms of their own, in no particular order. */
  public Set<String> scopedLanguages() {
    return Collections.unmodifiableSet(byLanguage.keySet());
  }

  /** Matched topics, strongest first; empty when none reaches the threshold. */
  public List<TopicMatch> classify(String title, String body) {
    return classify(WordTokenizer.normalizedWords(title), WordTokenizer.normalizedWords(body), null, (String) null);
  }

  /** As {@link #classify(String, String)}, with the sections of the article's URL. */
  public List<TopicMatch> classify(String title, String body, String url) {
    return classify(WordTokenizer.normalizedWords(title), WordTokenizer.normalizedWords(body), url, (String) null);
  }

  /** As {@link #classify(String, String, String)}, for an article in {@code language}. */
  public List<TopicMatch> classify(String title, String body, String url, String language) {
    return classify(WordTokenizer.normalizedWords(title), WordTokenizer.normalizedWords(body), url, language);
  }

  /**
   * As {@link #classify(List, List, String, String)}, for the language as detected: its terms
   * are used when the detection is sure enough, {@value #MIN_LANGUAGE_CONFIDENCE} for a short
   * text and {@value #MIN_LANGUAGE_CONFIDENCE_LONG_TEXT} for a longer one, or when it is the
   * language the client declared; else the unscoped terms.
   *
   * @param detection the detected language, or null
   * @param declaredLanguage the ISO 639-1 code the client declared, or null
   */
  public List<TopicMatch> classify(
      List<String> titleWords,
      List<String> bodyWords,
      String url,
      LanguageDetector.Detection detection,
      String declaredLanguage) {
    return classify(titleWords, bodyWords, url, sureLanguage(titleWords, bodyWords, detection, declaredLanguage));
  }

  /**
   * The detected language when it is sure enough to read the text by that language's rules:
   * a confidence of {@value #MIN_LANGUAGE_CONFIDENCE} for a short text, {@value
   * #MIN_LANGUAGE_CONFIDENCE_LONG_TEXT} for a longer one, or the language the client declared;
   * else null. The entity rules use the same test.
   */
  static String sureLanguage(
      List<String> titleWords, List<String> bodyWords, LanguageDetector.Detection detection, String declaredLanguage) {
    if (detection == null) {
      return null;
    }
    boolean sure =
        detection.confidence()
                >= (isShort(titleWords, bodyWords) ? MIN_LANGUAGE_CONFIDENCE : MIN_LANGUAGE_CONFIDENCE_LONG_TEXT)
            || detection.language().equalsIgnoreCase(declaredLanguage == null ? "" : declaredLanguage);
    return sure ? detection.language() : null;
  }

  /** As {@link #classify(List, List, String, String)} for the unscoped terms. */
  public List<TopicMatch> classify(List<String> titleWords, List<String> bodyWords, String url) {
    return classify(titleWords, bodyWords, url, (String) null);
  }

  /**
   * As {@link #classify(String, String, String, String)}, for already normalised words.
   *
   * @param url the article's URL, whose path segments are looked up as sections; may be null
   * @param language the article's language (ISO 639-1); when the taxonomy has terms scoped to it,
   *     the words are matched against those instead of the unscoped terms; may be null
   */
  public List<TopicMatch> classify(List<String> titleWords, List<String> bodyWords, String url, String language) {
    Map<Weighted, int[]> hits = hits(titleWords, bodyWords, url, language);
    double[] scores = new double[topics.size()];
    for (Map.Entry<Weighted, int[]> hit : hits.entrySet()) {
      scores[hit.getKey().topic()] += contribution(hit.getKey(), hit.getValue());
    }
    double best = 0;
    for (double s : scores) {
      best = Math.max(best, s);
    }
    List<TopicMatch> matches = new ArrayList<>();
    for (int t = 0; t < scores.length; t++) {
      if (scores[t] >= threshold && scores[t] >= RELATIVE_CUT * best) {
        matches.add(new TopicMatch(topics.get(t), Math.round(scores[t] * 1000.0) / 1000.0));
      }
    }
    if (matches.isEmpty() && best > 0 && isShort(titleWords, bodyWords)) {
      // A headline alone rarely has room for enough terms to reach the threshold; its strongest
      // topic is still a better route than general. The first topic in order wins a tie.
      for (int t = 0; t < scores.length; t++) {
        if (scores[t] == best) {
          matches.add(new TopicMatch(topics.get(t), Math.round(scores[t] * 1000.0) / 1000.0));
          break;
        }
      }
    }
    matches.sort(
        (a, b) -> {
          int c = Double.compare(b.score(), a.score());
          return c != 0 ? c : Integer.compare(topics.indexOf(a.name()), topics.indexOf(b.name()));
        });
    return matches.size() > maxTopics ? List.copyOf(matches.subList(0, maxTopics)) : List.copyOf(matches);
  }

  /**
   * One taxonomy term found in an article and what it added to its topic's score: {@code weight
   * * log2(1 + bodyCount + 2 * titleCount)}, before rounding. A section ({@code url:…}) or an
   * outlet ({@code site:…}) counts as one title mention.
   */
  public record TermMatch(String topic, String term, double weight, int bodyCount, int titleCount, double score) {}

  /**
   * The terms behind {@link #classify(List, List, String, LanguageDetector.Detection, String)}:
   * every taxonomy term the article matches, by topic in taxonomy order and, within a topic,
   * strongest first. A topic's terms add up to its score, whether or not the topic reached the
   * threshold.
   */
  public List<TermMatch> explain(
      List<String> titleWords,
      List<String> bodyWords,
      String url,
      LanguageDetector.Detection detection,
      String declaredLanguage) {
    String language = sureLanguage(titleWords, bodyWords, detection, declaredLanguage);
    Vocabulary vocabulary = vocabulary(language);
    Map<Weighted, int[]> hits = hits(titleWords, bodyWords, url, language);
    List<TermMatch> result = new ArrayList<>();
    for (Map.Entry<Weighted, int[]> hit : hits.entrySet()) {
      Weighted term = hit.getKey();
      int[] c = hit.getValue();
      result.add(
          new TermMatch(topics.get(term.topic()), vocabulary.label(term), term.weight(), c[0], c[1], contribution(term, c)));
    }
    result.sort(
        (a, b) -> {
          int c = Integer.compare(topics.indexOf(a.topic()), topics.indexOf(b.topic()));
          c = c != 0 ? c : Double.compare(b.score(), a.score());
          return c != 0 ? c : a.term().compareTo(b.term());
        });
    return List.copyOf(result);
  }

  /** The terms an article of that language (null: unscoped) is matched against. */
  private Vocabulary vocabulary(String language) {
    return language == null ? common : byLanguage.getOrDefault(language, common);
  }

  /** What a term found {@code counts[0]} times in the body and {@code counts[1]} in the title adds. */
  private static double contribution(Weighted term, int[] counts) {
    return term.weight() * Math.log(1 + counts[0] + 2.0 * counts[1]) / Math.log(2);
  }

  /** The article's taxonomy terms, each with its {body count, title count}. */
  private Map<Weighted, int[]> hits(List<String> titleWords, List<String> bodyWords, String url, String language) {
    // term -> {body count, title count}
    Map<Weighted, int[]> hits = new HashMap<>();
    if (url != null && !sections.isEmpty()) {
      for (String segment : pathSegments(url)) {
        List<Weighted> section = sections.get(segment);
        if (section != null) {
          for (Weighted term : section) {
            add(hits, term, 0, 1); // a section names the topic as plainly as a headline word
          }
        }
      }
    }
    if (url != null && !sites.isEmpty()) {
      // The host and each parent domain: news.example.co.uk, example.co.uk, co.uk, uk.
      for (String domain = host(url); domain != null; ) {
        List<Weighted> site = sites.get(domain);
        if (site != null) {
          for (Weighted term : site) {
            add(hits, term, 0, 1); // an outlet of one topic names it as plainly as a headline word
          }
        }
        int dot = domain.indexOf('.');
        domain = dot < 0 ? null : domain.substring(dot + 1);
      }
    }
    Vocabulary vocabulary = vocabulary(language);
    Map<String, int[]> tokenCounts = new HashMap<>();
    for (String w : bodyWords) {
      if (!w.isEmpty()) {
        tokenCounts.computeIfAbsent(w, k -> new int[2])[0]++;
      }
    }
    for (String w : titleWords) {
      if (!w.isEmpty()) {
        tokenCounts.computeIfAbsent(w, k -> new int[2])[1]++;
      }
    }
    match(vocabulary, tokenCounts, titleWords, bodyWords, hits);
    return hits;
  }

  /** Adds the vocabulary's words, prefixes and phrases found in the text. */
  private static void match(
      Vocabulary vocabulary,
      Map<String, int[]> tokenCounts,
      List<String> titleWords,
      List<String> bodyWords,
      Map<Weighted, int[]> hits) {
    for (Map.Entry<String, int[]> token : tokenCounts.entrySet()) {
      String w = token.getKey();
      int[] counts = token.getValue();
      if (!vocabulary.match(w, counts, hits) && vocabulary.elides()) {
        vocabulary.withoutElision(w, rest -> vocabulary.match(rest, counts, hits));
      }
    }
    if (vocabulary.hasPhrases()) {
      vocabulary.countPhrases(bodyWords, 0, hits);
      vocabulary.countPhrases(titleWords, 1, hits);
    }
  }

  /**
   * The lower-cased segments of the URL's path, without the query and the fragment: {@code
   * https://example.com/News/Business/story-1?x=2} has {@code news}, {@code business} and {@code
   * story-1}.
   */
  static List<String> pathSegments(String url) {
    int scheme = url.indexOf("://");
    int start = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    if (start < 0) {
      return List.of();
    }
    int end = url.length();
    for (int i = start; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    List<String> segments = new ArrayList<>();
    for (String segment : url.substring(start + 1, end).split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment.toLowerCase(Locale.ROOT));
      }
    }
    return segments;
  }

  /** The lower-cased host of an absolute URL, without a port; null when there is none. */
  static String host(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return null;
    }
    int start = scheme + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(start, end);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1);
    }
    int colon = authority.indexOf(':');
    if (colon >= 0) {
      authority = authority.substring(0, colon);
    }
    return authority.isEmpty() ? null : authority.toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a word not in the taxonomy may be a plural or a possessive of one that is: normalised
   * words lose the apostrophe, so {@code Apple's} arrives as {@code apples}.
   */
  private static boolean isPluralOrPossessive(String word) {
    return word.length() > 3 && word.charAt(word.length() - 1) == 's';
  }

  /** Whether title and body together have at most {@value #SHORT_TEXT_WORDS} words. */
  private static boolean isShort(List<String> titleWords, List<String> bodyWords) {
    int n = 0;
    for (List<String> part : List.of(titleWords, bodyWords)) {
      for (String w : part) {
        if (!w.isEmpty() && ++n > SHORT_TEXT_WORDS) {
          return false;
        }
      }
    }
    return true;
  }

  private static void add(Map<Weighted, int[]> hits, Weighted term, int body, int title) {
    int[] c = hits.computeIfAbsent(term, k -> new int[2]);
    c[0] += body;
    c[1] += title;
  }

  private static String[] nonEmpty(List<String> words) {
    String[] result = new String[words.size()];
    int n = 0;
    for (String word : words) {
      if (!word.isEmpty()) {
        result[n++] = word;
      }
    }
    return n == result.length ? result : java.util.Arrays.copyOf(result, n);
  }

  /**
   * The words, prefixes and phrases of one language (or the unscoped ones), with the maps looked
   * up by a word's first characters without copying them.
   */
  private static final class Vocabulary {

    /**
     * Elided articles and prepositions that normalisation glues to the next word ({@code
     * l’inflation} arrives as {@code linflation}), per language that writes them.
     */
    private static final Map<String, List<String>> ELISIONS =
        Map.of(
            "fr", List.of("l", "d", "qu", "j", "n", "s", "m", "t", "c", "jusqu", "lorsqu", "puisqu"),
            "it", List.of("l", "d", "dell", "all", "dall", "nell", "sull", "un", "quell", "quest"));

    private final Map<String, List<Weighted>> words;
    private final Map<String, List<Weighted>> prefixes;
    private final Map<String, List<Phrase>> phrases;
    private final int shortestPrefix;
    private final int longestPrefix;
    private final PrefixLookup<List<Weighted>> wordsByPrefix;
    private final PrefixLookup<List<Weighted>> prefixesByPrefix;
    private final PrefixLookup<List<Phrase>> phrasesByPrefix;
    private final List<String> elisions;

    private Vocabulary(Builder b) {
      this.words = b.words;
      this.prefixes = b.prefixes;
      this.phrases = b.phrases;
      this.shortestPrefix = b.shortestPrefix;
      this.longestPrefix = b.longestPrefix;
      this.wordsByPrefix = new PrefixLookup<>(words);
      this.prefixesByPrefix = new PrefixLookup<>(prefixes);
      this.phrasesByPrefix = new PrefixLookup<>(phrases);
      List<String> elided = new ArrayList<>(b.language == null ? List.of() : ELISIONS.getOrDefault(b.language, List.of()));
      elided.sort((x, y) -> Integer.compare(y.length(), x.length())); // longest first
      this.elisions = List.copyOf(elided);
    }

    static final class Builder {
      private final String language;
      private final Map<String, List<Weighted>> words = new HashMap<>();
      private final Map<String, List<Weighted>> prefixes = new HashMap<>();
      /** Phrases by their first word; each entry holds the phrase's words. */
      private final Map<String, List<Phrase>> phrases = new HashMap<>();
      private int shortestPrefix = Integer.MAX_VALUE;
      private int longestPrefix = 0;

      Builder(String language) {
        this.language = language;
      }

      void add(int topic, String raw, double weight) {
        boolean prefix = raw.endsWith("*");
        List<String> parts =
            WordTokenizer.normalizedWords(prefix ? raw.substring(0, raw.length() - 1) : raw);
        parts.removeIf(String::isEmpty);
        if (parts.isEmpty()) {
          return;
        }
        String term = String.join(" ", parts);
        if (parts.size() > 1) {
          phrases
              .computeIfAbsent(parts.get(0), k -> new ArrayList<>())
              .add(new Phrase(parts.toArray(String[]::new), new Weighted(topic, weight, term)));
        } else if (prefix) {
          prefixes.computeIfAbsent(term, k -> new ArrayList<>()).add(new Weighted(topic, weight, term));
          shortestPrefix = Math.min(shortestPrefix, term.length());
          longestPrefix = Math.max(longestPrefix, term.length());
        } else {
          words.computeIfAbsent(term, k -> new ArrayList<>()).add(new Weighted(topic, weight, term));
        }
      }

      Vocabulary build() {
        return new Vocabulary(this);
      }
    }

    /**
     * How {@link #explain} names a matched term: as written for a word, a phrase, a section or an
     * outlet, with its {@code *} for a prefix; a word and its prefix of the same weight in one
     * topic ({@code tablet} and {@code tablet*}) are one matched term to the classifier, named
     * {@code tablet, tablet*}.
     */
    String label(Weighted term) {
      boolean prefix = prefixes.getOrDefault(term.term(), List.of()).contains(term);
      if (!prefix) {
        return term.term();
      }
      return words.getOrDefault(term.term(), List.of()).contains(term) ? term.term() + ", " + term.term() + "*" : term.term() + "*";
    }

    /** Whether the language glues elided articles to words ({@link #withoutElision}). */
    boolean elides() {
      return !elisions.isEmpty();
    }

    boolean hasPhrases() {
      return !phrases.isEmpty();
    }

    /** Adds the terms {@code w} matches as a word or by a prefix; whether there was any. */
    boolean match(String w, int[] counts, Map<Weighted, int[]> hits) {
      boolean matched = false;
      List<Weighted> exact = words.get(w);
      if (exact == null && isPluralOrPossessive(w)) {
        exact = wordsByPrefix.get(w, w.length() - 1);
      }
      if (exact != null) {
        matched = true;
        for (Weighted term : exact) {
          add(hits, term, counts[0], counts[1]);
        }
      }
      int upTo = Math.min(w.length(), longestPrefix);
      int prefixHash = upTo < shortestPrefix ? 0 : PrefixLookup.hash(w, shortestPrefix);
      for (int len = shortestPrefix; len <= upTo; len++) {
        if (len > shortestPrefix) {
          prefixHash = PrefixLookup.extend(prefixHash, w.charAt(len - 1));
        }
        List<Weighted> byPrefix = prefixesByPrefix.get(w, len, prefixHash);
        if (byPrefix != null) {
          matched = true;
          for (Weighted term : byPrefix) {
            add(hits, term, counts[0], counts[1]);
          }
        }
      }
      return matched;
    }

    /**
     * The word without an elided article glued to it ({@code linflation}: {@code inflation}), in
     * a language that elides; null when it has none or when {@code accept} takes none of the
     * readings. Longer elisions are tried first ({@code delleconomia}: {@code economia}, not
     * {@code elleconomia}); only a vowel or {@code h} follows an elision.
     */
    String withoutElision(String w, Predicate<String> accept) {
      for (String elision : elisions) {
        int n = elision.length();
        if (w.length() >= n + 3 && w.startsWith(elision) && elidesBefore(w.charAt(n))) {
          String rest = w.substring(n);
          if (accept.test(rest)) {
            return rest;
          }
        }
      }
      return null;
    }

    private static boolean elidesBefore(char c) {
      return "aeiouyhàâäéèêëîïôöùûüœæ".indexOf(c) >= 0;
    }

    /** A phrase word matches itself, its plural or possessive, or itself after an elision. */
    private boolean sameWord(String phraseWord, String textWord) {
      if (phraseWord.equals(textWord)
          || (textWord.length() == phraseWord.length() + 1
              && isPluralOrPossessive(textWord)
              && textWord.startsWith(phraseWord))) {
        return true;
      }
      if (!elisions.isEmpty() && textWord.length() > phraseWord.length() && textWord.endsWith(phraseWord)) {
        return withoutElision(textWord, phraseWord::equals) != null;
      }
      return false;
    }

    /** Counts phrase occurrences in one pass over the words (slot 0 = body, 1 = title). */
    void countPhrases(List<String> words, int slot, Map<Weighted, int[]> hits) {
      String[] w = nonEmpty(words);
      for (int i = 0; i < w.length; i++) {
        List<Phrase> candidates = phrases.get(w[i]);
        if (candidates == null && isPluralOrPossessive(w[i])) {
          candidates = phrasesByPrefix.get(w[i], w[i].length() - 1);
        }
        if (candidates == null && !elisions.isEmpty()) {
          String rest = withoutElision(w[i], phrases::containsKey);
          if (rest != null) {
            candidates = phrases.get(rest);
          }
        }
        if (candidates == null) {
          continue;
        }
        for (Phrase phrase : candidates) {
          String[] p = phrase.words();
          if (i + p.length > w.length) {
            continue;
          }
          boolean match = true;
          for (int k = 1; k < p.length && match; k++) {
            match = sameWord(p[k], w[i + k]);
          }
          if (match) {
            hits.computeIfAbsent(phrase.term(), k -> new int[2])[slot]++;
          }
        }
      }
    }
  }
}
