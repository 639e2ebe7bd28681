package io.newsstream.processor.enrich.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * <p>Usage: {@code TopicAccuracyReport [path/to/uci_news_aggregator_sample.jsonl]}, by default
 * {@code ../shared/corpus/uci_news_aggregator_sample.jsonl} relative to the working directory.
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

  public static void main(String[] args) throws IOException {
    Path corpus =
        Path.of(args.length > 0 ? args[0] : "../shared/corpus/uci_news_aggregator_sample.jsonl");
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
