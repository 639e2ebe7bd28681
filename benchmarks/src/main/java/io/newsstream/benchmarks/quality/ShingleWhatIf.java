package io.newsstream.benchmarks.quality;

import io.newsstream.processor.enrich.WordTokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a shingle-set comparison (word 3-shingles, the units SimHash already hashes) would have
 * decided on the same submissions, as evidence for a better near-duplicate test than a SimHash
 * distance on short texts. For each expected duplicate: its Jaccard resemblance and containment
 * (shared shingles / shingles of the smaller text) to its original. For each distinct article:
 * the highest of each to any earlier distinct article, found through an inverted index of
 * shingles (shingles shared by more than {@value #COMMON} articles are skipped as candidates'
 * only link, like stop words).
 */
final class ShingleWhatIf {

  static final int COMMON = 1_000;

  /** Highest resemblance and containment of one article to its comparison set. */
  record Similarity(double jaccard, double containment) {}

  private ShingleWhatIf() {}

  /** Distinct word 3-shingles of a text, hashed (the whole text as one shingle when shorter). */
  static long[] shingles(String text) {
    List<String> words = WordTokenizer.normalizedWords(text);
    Set<Long> set = new HashSet<>();
    for (int i = 0; i + 3 <= words.size(); i++) {
      set.add(((long) words.get(i).hashCode() * 0x9E3779B1L + words.get(i + 1).hashCode()) * 0x9E3779B1L + words.get(i + 2).hashCode());
    }
    if (set.isEmpty() && !words.isEmpty()) {
      set.add((long) String.join(" ", words).hashCode());
    }
    return set.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /** Similarity of two sorted shingle arrays. */
  static Similarity compare(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return new Similarity(0, 0);
    }
    int shared = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return similarity(shared, a.length, b.length);
  }

  /** For each text, in order, its highest similarity to any earlier text. */
  static List<Similarity> nearestEarlier(List<long[]> texts) {
    Map<Long, List<Integer>> postings = new HashMap<>();
    List<Similarity> result = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      long[] shingles = texts.get(i);
      Map<Integer, Integer> shared = new HashMap<>();
      for (long s : shingles) {
        List<Integer> docs = postings.computeIfAbsent(s, k -> new ArrayList<>());
        if (docs.size() <= COMMON) {
          for (int d : docs) {
            shared.merge(d, 1, Integer::sum);
          }
        }
        docs.add(i);
      }
      double jaccard = 0;
      double containment = 0;
      for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
        Similarity s = similarity(e.getValue(), shingles.length, texts.get(e.getKey()).length);
        jaccard = Math.max(jaccard, s.jaccard());
        containment = Math.max(containment, s.containment());
      }
      result.add(new Similarity(jaccard, containment));
    }
    return result;
  }

  private static Similarity similarity(int shared, int a, int b) {
    return new Similarity((double) shared / (a + b - shared), (double) shared / Math.min(a, b));
  }
}
