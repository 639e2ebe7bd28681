package io.newsstream.processor.enrich.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.processor.enrich.ArticleInput;
import io.newsstream.processor.enrich.DefaultArticleEnricher;
import io.newsstream.processor.enrich.Enrichment;
import io.newsstream.processor.enrich.EnrichmentConfig;
import io.newsstream.processor.enrich.LanguageDetector;
import io.newsstream.processor.enrich.TextCleaner;
import io.newsstream.processor.enrich.TopicClassifier;
import io.newsstream.processor.enrich.TopicMatch;
import io.newsstream.processor.enrich.WordTokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prints the top-topic accuracy of the default taxonomy on the UCI News Aggregator headlines
 * ({@code uci_news_aggregator_sample.jsonl}): a headline counts as correct when its strongest
 * topic maps to its label (business: business; science-technology: science or technology;
 * entertainment: entertainment; health: health). A headline with no topic counts as wrong.
 * Headlines are split into two halves by story ({@code storyId} hash parity): the taxonomy was
 * tuned looking at the errors of the first half only, so the second half, whose stories were
 * never looked at, shows how much of the accuracy is fitted. For each half it prints the
 * accuracy and the share of headlines with no topic, then the accuracy of each label per half
 * and the label to top-topic counts; {@code -Dverbose=true} also lists the misclassified
 * headlines of the tuning half (never of the held-out half).
 *
 * <p>Then, when the Reuters-21578 corpus is there, how often wire copy gets a topic it is not about
 * ({@link #printWireText}): its topic labels are all economic (earnings, acquisitions, currencies,
 * commodities, trade), so an article with one belongs to business, or to politics (trade talks,
 * sanctions); every other topic it is given, by the whole enrichment as the processor runs it, is
 * counted. Some of those are right as a second topic (a drug maker's results are health news too),
 * so the figure is an upper bound of the errors, for comparing taxonomies.
 *
 * <p>Usage: {@code TopicAccuracyReport [path/to/uci_news_aggregator_sample.jsonl
 * [path/to/reuters21578.jsonl]]}, by default both files in {@code ../shared/corpus/} relative to
 * the working directory; a missing Reuters file skips its part.
 */
public final class TopicAccuracyReport {

  static final Map<String, Set<String>> LABEL_TO_TOPICS =
      Map.of(
          "business", Set.of("business"),
          "science-technology", Set.of("science", "technology"),
          "entertainment", Set.of("entertainment"),
          "health", Set.of("health"));

  /** Shown as the top topic of a headline that gets no topic. */
  static final String NO_TOPIC = "(none)";

  private TopicAccuracyReport() {}

  /** Topics that an article with a Reuters-21578 topic label (all economic) may rightly get. */
  static final Set<String> WIRE_TOPICS = Set.of("business", "politics");

  /** Reuters-21578's body of an item that had only a headline. */
  private static final String HEADLINE_ONLY_BODY = "Blah blah blah.";

  public static void main(String[] args) throws IOException {
    Path corpus =
        Path.of(args.length > 0 ? args[0] : "../shared/corpus/uci_news_aggregator_sample.jsonl");
    Path reuters =
        args.length > 1 ? Path.of(args[1]) : corpus.resolveSibling("reuters21578.jsonl");
    printHeadlines(corpus);
    if (Files.isRegularFile(reuters)) {
      printWireText(reuters);
    } else {
      System.out.println("(no " + reuters + ": topics of wire copy not measured)");
    }
  }

  private static void printHeadlines(Path corpus) throws IOException {
    EnrichmentConfig config = EnrichmentConfig.defaults();
    TopicClassifier classifier = new TopicClassifier(config);
    TextCleaner cleaner = new TextCleaner(config);
    // As the processor does: the detected language may pick the terms scoped to it.
    LanguageDetector languages = new LanguageDetector(config);
    ObjectMapper mapper = new ObjectMapper();
    int[] total = new int[2];
    int[] correct = new int[2];
    int[] none = new int[2];
    // label -> {headlines, correct} per half
    Map<String, int[][]> perLabel = new TreeMap<>();
    Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    boolean verbose = Boolean.getBoolean("verbose");
    try (BufferedReader reader = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      String line;
      int row = 0;
      while ((line = reader.readLine()) != null) {
        JsonNode doc = mapper.readTree(line);
        String label = doc.path("label").asText("");
        Set<String> expected = LABEL_TO_TOPICS.get(label);
        if (expected == null) {
          continue;
        }
        String title = cleaner.cleanTitle(doc.path("title").asText(""));
        List<TopicMatch> topics =
            classifier.classify(
                WordTokenizer.normalizedWords(title), List.of(), doc.path("url").asText(null), languages.detect(title, "", null), null);
        String top = topics.isEmpty() ? NO_TOPIC : topics.get(0).name();
        // Split by story so that the held-out half has stories never seen while tuning.
        String story = doc.path("storyId").asText(String.valueOf(row++));
        int half = Math.floorMod(story.hashCode(), 2);
        total[half]++;
        int[][] counts = perLabel.computeIfAbsent(label, k -> new int[2][2]);
        counts[half][0]++;
        if (expected.contains(top)) {
          correct[half]++;
          counts[half][1]++;
        } else if (verbose && half == 0) {
          System.out.println(label + "\t" + top + "\t" + title);
        }
        if (topics.isEmpty()) {
          none[half]++;
        }
        confusion.computeIfAbsent(label, k -> new TreeMap<>()).merge(top, 1, Integer::sum);
      }
    }
    System.out.println("Top-topic accuracy on UCI News Aggregator headlines (" + corpus + ")");
    System.out.printf(
        "  tuning half (stories of even hash):  %5d headlines, accuracy %.3f, no topic %.3f%n",
        total[0], ratio(correct[0], total[0]), ratio(none[0], total[0]));
    System.out.printf(
        "  held-out half (stories of odd hash): %5d headlines, accuracy %.3f, no topic %.3f%n",
        total[1], ratio(correct[1], total[1]), ratio(none[1], total[1]));
    System.out.printf(
        "  all:                                 %5d headlines, accuracy %.3f, no topic %.3f%n",
        total[0] + total[1],
        ratio(correct[0] + correct[1], total[0] + total[1]),
        ratio(none[0] + none[1], total[0] + total[1]));
    System.out.println("  accuracy by label (headlines): tuning / held-out / all");
    perLabel.forEach(
        (label, c) ->
            System.out.printf(
                "    %-20s %s / %s / %s%n",
                label,
                cell(c[0][1], c[0][0]),
                cell(c[1][1], c[1][0]),
                cell(c[0][1] + c[1][1], c[0][0] + c[1][0])));
    System.out.println("  label -> top topic counts (both halves):");
    confusion.forEach((label, tops) -> System.out.println("    " + label + " -> " + tops));
  }

  /**
   * What the enrichment made of Reuters-21578 articles with a topic label and a body.
   *
   * @param labelled articles counted
   * @param anyOther articles given a topic other than business or politics among their topics
   * @param strongestOther articles whose strongest topic is another one
   * @param none articles given no topic
   * @param otherTopics each other topic and how many articles were given it
   */
  record WireTally(int labelled, int anyOther, int strongestOther, int none, Map<String, Integer> otherTopics) {}

  /** Enriches every Reuters-21578 article with a topic label and a body, and counts its topics. */
  static WireTally tallyWireText(Path reuters) throws IOException {
    DefaultArticleEnricher enricher = new DefaultArticleEnricher(EnrichmentConfig.defaults());
    ObjectMapper mapper = new ObjectMapper();
    int labelled = 0;
    int anyOther = 0;
    int strongestOther = 0;
    int none = 0;
    Map<String, Integer> otherTopics = new TreeMap<>();
    try (BufferedReader reader = Files.newBufferedReader(reuters, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode doc = mapper.readTree(line);
        String body = doc.path("body").asText("");
        if (doc.path("label").asText("").isEmpty() || body.isBlank() || body.strip().equals(HEADLINE_ONLY_BODY)) {
          continue;
        }
        Enrichment enrichment =
            enricher.enrich(
                new ArticleInput(
                    doc.path("url").asText(), doc.path("title").asText(""), body, doc.path("language").asText(null)));
        labelled++;
        List<TopicMatch> topics = enrichment.topics();
        if (topics.isEmpty()) {
          none++;
          continue;
        }
        boolean other = false;
        for (TopicMatch topic : topics) {
          if (!WIRE_TOPICS.contains(topic.name())) {
            other = true;
            otherTopics.merge(topic.name(), 1, Integer::sum);
          }
        }
        if (other) {
          anyOther++;
        }
        if (!WIRE_TOPICS.contains(topics.get(0).name())) {
          strongestOther++;
        }
      }
    }
    return new WireTally(labelled, anyOther, strongestOther, none, otherTopics);
  }

  /**
   * Prints how many Reuters-21578 articles with a topic label (and a body) the enrichment gives a
   * topic other than business or politics, as any of their topics and as the strongest.
   */
  static void printWireText(Path reuters) throws IOException {
    WireTally t = tallyWireText(reuters);
    System.out.println("Topics of wire copy: Reuters-21578 articles with an economic topic label (" + reuters + ")");
    System.out.printf(
        Locale.ROOT,
        "  %d articles; given a topic other than business or politics: %.4f (%d), as the strongest"
            + " topic: %.4f (%d); no topic: %.4f (%d)%n",
        t.labelled(),
        ratio(t.anyOther(), t.labelled()),
        t.anyOther(),
        ratio(t.strongestOther(), t.labelled()),
        t.strongestOther(),
        ratio(t.none(), t.labelled()),
        t.none());
    System.out.println("  other topics given (an article may have several): " + t.otherTopics());
  }

  /** Accuracy and headline count; a half without headlines of the label shows no accuracy. */
  private static String cell(int correct, int total) {
    return total == 0
        ? String.format(Locale.ROOT, "  -   (%4d)", total)
        : String.format(Locale.ROOT, "%.3f (%4d)", ratio(correct, total), total);
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }
}
