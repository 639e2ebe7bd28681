package io.newsstream.benchmarks.quality;

import io.newsstream.processor.dedup.ContainmentSketch;
import io.newsstream.processor.enrich.ArticleInput;
import io.newsstream.processor.enrich.DefaultArticleEnricher;
import io.newsstream.processor.enrich.Enrichment;
import io.newsstream.processor.enrich.SimHasher;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;

/**
 * Which light edits of one real article each near-duplicate rule catches: {@code k} random words
 * of the body changed (a letter appended), for several {@code k}, each trial cleaned by the real
 * enricher and compared with the original under the SimHash rule at the given distance and the
 * containment rule at several shares. Shows what the containment share costs in light edits,
 * which the Reuters run cannot (its variants are exact subsets or supersets).
 */
final class LightEdits {

  static final int[] WORDS_CHANGED = {1, 2, 3, 5, 8};
  static final double[] SHARES = {0.9, 0.95, 1.0};

  private final DefaultArticleEnricher enricher;
  private final PrintStream out;

  LightEdits(DefaultArticleEnricher enricher, PrintStream out) {
    this.enricher = enricher;
    this.out = out;
  }

  /** Counts of edits caught, per words changed: [SimHash, containment at each share...]. */
  int[][] run(String url, String title, String body, int distance, int trials, long seed) {
    Enrichment original = enricher.enrich(new ArticleInput(url, title, body, null));
    ContainmentSketch originalSketch = ContainmentSketch.of(original.body());
    String[] words = body.split(" ");
    Random random = new Random(seed);
    int[][] caught = new int[WORDS_CHANGED.length][1 + SHARES.length];
    for (int w = 0; w < WORDS_CHANGED.length; w++) {
      for (int t = 0; t < trials; t++) {
        String[] edited = words.clone();
        for (int k = 0; k < WORDS_CHANGED[w]; k++) {
          int i = random.nextInt(edited.length);
          edited[i] = edited[i] + "x";
        }
        Enrichment copy = enricher.enrich(new ArticleInput(url + "-edited", title, String.join(" ", edited), null));
        if (SimHasher.hammingDistance(original.simhash(), copy.simhash()) <= distance) {
          caught[w][0]++;
        }
        ContainmentSketch sketch = ContainmentSketch.of(copy.body());
        for (int s = 0; s < SHARES.length; s++) {
          if (sketch.copyOf(originalSketch, SHARES[s])) {
            caught[w][1 + s]++;
          }
        }
      }
    }
    return caught;
  }

  void print(String name, String url, String title, String body, int distance, int trials, long seed) {
    int[][] caught = run(url, title, body, distance, trials, seed);
    out.println();
    out.printf(Locale.ROOT, "   light edits of %s (%d words; %d trials each, words changed at random, seed %d):%n",
        name, body.split("\\s+").length, trials, seed);
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "   words changed   SimHash <= %d", distance));
    for (double share : SHARES) {
      header.append(String.format(Locale.ROOT, "   containment %.2f", share));
    }
    out.println(header);
    for (int w = 0; w < WORDS_CHANGED.length; w++) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "   %13d %14.2f", WORDS_CHANGED[w], (double) caught[w][0] / trials));
      for (int s = 0; s < SHARES.length; s++) {
        line.append(String.format(Locale.ROOT, " %18.2f", (double) caught[w][1 + s] / trials));
      }
      out.println(line);
    }
  }
}
