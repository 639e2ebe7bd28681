package io.newsstream.processor.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * Picks the most characteristic terms of an article: TF-IDF over the terms of a language-aware
 * Lucene analyzer (stop words removed, words stemmed), weighted against document frequencies
 * of a reference corpus.
 *
 * <p>Each supported language has Lucene's analyzer for it (English: stop words and Porter
 * stemming; German, French, Spanish, ... likewise); other languages and {@code und} use the
 * standard analyzer with English stop words and no stemming. Title terms count twice. The
 * document frequencies are the bundled table {@value #IDF_RESOURCE}, built from the Reuters-21578
 * corpus with {@code IdfTableBuilder} (test sources) over English stems; a term missing from
 * the table counts as rarer than any term in it. Chinese, Japanese and Korean text is segmented
 * into words by Lucene's dictionaries (smartcn, Kuromoji, Nori), each loaded with the first
 * article in its language. Terms shorter than 3 characters (2 in those scripts) and terms with
 * digits are not keywords. A keyword is shown as the most frequent lower-cased surface form of
 * its stem ({@code companies}, not {@code compani}). Thread-safe: Lucene analyzers reuse token
 * streams per thread.
 */
public final class KeywordExtractor {

  /** Classpath resource (next to this class) with the document frequency table. */
  public static final String IDF_RESOURCE = "idf-en.tsv";

  /**
   * Lucene's English stop set (33 words) extended with the function words and reporting verbs
   * that news text is full of; the IDF weighting demotes the remaining common words.
   */
  static final CharArraySet ENGLISH_STOP_WORDS =
      CharArraySet.unmodifiableSet(
          new CharArraySet(
              List.of(
                  "a", "about", "above", "after", "again", "against", "all", "also", "am", "an",
                  "and", "any", "are", "as", "at", "be", "because", "been", "before", "being",
                  "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
                  "doing", "down", "during", "each", "even", "few", "for", "from", "further",
                  "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
                  "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its",
                  "itself", "just", "last", "like", "made", "make", "many", "may", "me", "might",
                  "more", "most", "much", "must", "my", "myself", "new", "no", "nor", "not", "now",
                  "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours",
                  "ourselves", "out", "over", "own", "per", "said", "same", "say", "says", "she",
                  "should", "since", "so", "some", "still", "such", "than", "that", "the",
                  "their", "theirs", "them", "themselves", "then", "there", "these", "they",
                  "this", "those", "though", "through", "to", "told", "too", "two", "under",
                  "until", "up", "upon", "us", "very", "was", "we", "were", "what", "when",
                  "where", "whether", "which", "while", "who", "whom", "why", "will", "with",
                  "within", "without", "would", "year", "years", "yet", "you", "your", "yours",
                  "yourself", "week", "told", "according", "three", "four", "five", "first",
                  "second", "get", "got", "go", "going", "well", "way", "back", "take", "time"),
              true));

  private static final Map<String, Supplier<Analyzer>> ANALYZERS = analyzerFactories();

  /** The English stop words, shared with the tool that builds the IDF table. */
  public static CharArraySet englishStopWords() {
    return ENGLISH_STOP_WORDS;
  }

  private final Map<String, Analyzer> analyzers = new ConcurrentHashMap<>();
  private final Map<String, Integer> documentFrequencies;
  private final int documents;
  private final double unknownIdf;
  private final int maxKeywords;

  public KeywordExtractor(int maxKeywords) {
    this.maxKeywords = maxKeywords;
    IdfTable table = loadIdf();
    this.documentFrequencies = table.frequencies();
    this.documents = table.documents();
    int minDf = documentFrequencies.values().stream().mapToInt(Integer::intValue).min().orElse(1);
    this.unknownIdf = idf(Math.max(1, minDf / 2));
  }

  /** Up to the configured number of keywords, strongest first. */
  public List<String> extract(String title, String body, String language) {
    if (maxKeywords == 0) {
      return List.of();
    }
    Analyzer analyzer = analyzerFor(language);
    Map<String, Term> terms = new HashMap<>();
    collect(analyzer, title, 2, terms);
    collect(analyzer, body, 1, terms);
    boolean english = "en".equals(language) || "und".equals(language);
    // Strongest first, ties by stem: a total order, so taking the few strongest from a heap
    // gives them in the same order as sorting every term.
    PriorityQueue<Term> ranked =
        new PriorityQueue<>(
            Math.max(1, terms.size()),
            (a, b) -> {
              int c = Double.compare(b.score, a.score);
              return c != 0 ? c : a.stem.compareTo(b.stem);
            });
    for (Term term : terms.values()) {
      Integer df = english ? documentFrequencies.get(term.stem) : null;
      double weight = df == null ? unknownIdf : idf(df);
      term.score = (1 + Math.log(term.count)) * weight;
      ranked.add(term);
    }
    List<String> keywords = new ArrayList<>(maxKeywords);
    Term term;
    while ((term = ranked.poll()) != null) {
      String surface = term.surface();
      if (!keywords.contains(surface)) {
        keywords.add(surface);
      }
      if (keywords.size() == maxKeywords) {
        break;
      }
    }
    return keywords;
  }

  private double idf(int df) {
    return Math.log((documents + 1.0) / (df + 1.0)) + 1.0;
  }

  private Analyzer analyzerFor(String language) {
    String key = language == null ? "und" : language;
    Supplier<Analyzer> factory = ANALYZERS.get(key);
    if (factory == null) {
      key = "und";
      factory = ANALYZERS.get(key);
    }
    Supplier<Analyzer> chosen = factory;
    return analyzers.computeIfAbsent(key, k -> chosen.get());
  }

  /**
   * The surface form without an elided article or preposition that the analyzer took off the
   * term ({@code l’inflation}, {@code dell’economia}: Lucene's elision filters), so that the
   * keyword reads as the word. A word whose term keeps its start ({@code o'brien}, {@code don't})
   * is left as it is.
   */
  static String withoutElision(String surface, String stem) {
    for (int i = 1; i < surface.length() - 1 && i <= MAX_ELISION; i++) {
      char c = surface.charAt(i);
      if (c == '\'' || c == '’') {
        return stem.startsWith(surface.substring(0, i)) ? surface : surface.substring(i + 1);
      }
    }
    return surface;
  }

  /** Longest elided word before an apostrophe: {@code puisqu’}, {@code quell’}. */
  private static final int MAX_ELISION = 6;

  private static void collect(Analyzer analyzer, String text, int weight, Map<String, Term> terms) {
    if (text == null || text.isEmpty()) {
      return;
    }
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute termAttr = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (termAttr.length() < minLength(termAttr) || hasDigit(termAttr)) {
          continue;
        }
        String stem = termAttr.toString();
        String surface =
            text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT);
        if (surface.endsWith("'s") || surface.endsWith("’s")) {
          surface = surface.substring(0, surface.length() - 2);
        }
        surface = withoutElision(surface, stem);
        Term term = terms.computeIfAbsent(stem, Term::new);
        term.count += weight;
        term.surfaces.merge(surface, weight, Integer::sum);
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Korean nouns only, compounds kept whole ({@code 스마트폰}, not {@code 스마트} and {@code 폰}):
   * Nori's default drops particles and endings but keeps verbs, adjectives and adverbs, which
   * made keywords of {@code 밝혔} ("said").
   */
  private static Analyzer koreanAnalyzer() {
    Set<POS.Tag> stopTags = EnumSet.copyOf(KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS);
    stopTags.addAll(EnumSet.of(POS.Tag.VV, POS.Tag.VA, POS.Tag.VX, POS.Tag.VCP, POS.Tag.VCN, POS.Tag.MAG, POS.Tag.MAJ, POS.Tag.MM, POS.Tag.XSV, POS.Tag.XSA));
    return new KoreanAnalyzer(null, KoreanTokenizer.DecompoundMode.NONE, stopTags, false);
  }

  /**
   * Shortest keyword: 3 characters, or 2 for a word of Chinese characters, kana or Hangul, where
   * most words are two or three characters long ({@code 会议}, {@code 経済}, {@code 정부}).
   */
  private static int minLength(CharTermAttribute term) {
    if (term.length() == 0) {
      return 3;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(Character.codePointAt(term, 0));
    return switch (script) {
      case HAN, HIRAGANA, KATAKANA, HANGUL -> 2;
      default -> 3;
    };
  }

  private static boolean hasDigit(CharTermAttribute term) {
    for (int i = 0; i < term.length(); i++) {
      if (Character.isDigit(term.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private record IdfTable(int documents, Map<String, Integer> frequencies) {}

  private static IdfTable loadIdf() {
    InputStream in = KeywordExtractor.class.getResourceAsStream(IDF_RESOURCE);
    if (in == null) {
      throw new IllegalStateException("Missing resource " + IDF_RESOURCE);
    }
    Map<String, Integer> frequencies = new HashMap<>();
    int documents = 0;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty()) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (line.startsWith("#documents\t")) {
          documents = Integer.parseInt(line.substring(tab + 1).strip());
        } else if (!line.startsWith("#") && tab > 0) {
          frequencies.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1).strip()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (documents <= 0) {
      throw new IllegalStateException(IDF_RESOURCE + " lacks its #documents line");
    }
    return new IdfTable(documents, Map.copyOf(frequencies));
  }

  private static Map<String, Supplier<Analyzer>> analyzerFactories() {
    Map<String, Supplier<Analyzer>> map = new LinkedHashMap<>();
    map.put("en", () -> new EnglishAnalyzer(ENGLISH_STOP_WORDS));
    map.put("de", GermanAnalyzer::new);
    map.put("fr", FrenchAnalyzer::new);
    map.put("es", SpanishAnalyzer::new);
    map.put("it", ItalianAnalyzer::new);
    map.put("pt", PortugueseAnalyzer::new);
    map.put("nl", DutchAnalyzer::new);
    map.put("sv", SwedishAnalyzer::new);
    map.put("da", DanishAnalyzer::new);
    map.put("nb", NorwegianAnalyzer::new);
    map.put("fi", FinnishAnalyzer::new);
    map.put("cs", CzechAnalyzer::new);
    map.put("ro", RomanianAnalyzer::new);
    map.put("hu", HungarianAnalyzer::new);
    map.put("el", GreekAnalyzer::new);
    map.put("tr", TurkishAnalyzer::new);
    map.put("ru", RussianAnalyzer::new);
    map.put("ar", ArabicAnalyzer::new);
    map.put("fa", PersianAnalyzer::new);
    map.put("hi", HindiAnalyzer::new);
    map.put("bn", BengaliAnalyzer::new);
    map.put("id", IndonesianAnalyzer::new);
    map.put("th", ThaiAnalyzer::new);
    // Chinese, Japanese and Korean are written without spaces between words (Korean between
    // phrases): a dictionary segments them, drops particles and endings (Japanese, Korean) and
    // gives Japanese verbs and adjectives their base form.
    map.put("zh", SmartChineseAnalyzer::new);
    map.put("ja", JapaneseAnalyzer::new);
    map.put("ko", KeywordExtractor::koreanAnalyzer);
    map.put("und", () -> new StandardAnalyzer(ENGLISH_STOP_WORDS));
    return Map.copyOf(map);
  }

  private static final class Term {
    final String stem;
    final Map<String, Integer> surfaces = new HashMap<>(4);
    int count;
    double score;

    Term(String stem) {
      this.stem = stem;
    }

    String surface() {
      String best = stem;
      int bestCount = -1;
      for (Map.Entry<String, Integer> e : surfaces.entrySet()) {
        if (e.getValue() > bestCount
            || (e.getValue() == bestCount && e.getKey().compareTo(best) < 0)) {
          best = e.getKey();
          bestCount = e.getValue();
        }
      }
      return best;
    }
  }
}
