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

  /**
   * Highest similarity to any earlier text, and to any earlier text that passes the figures
   * guard ({@link #figuresCompatible}).
   */
  record Nearest(Similarity any, Similarity guarded) {}

  /**
   * The figures guard: every number of the shorter text also occurs in the longer one. A trimmed
   * or extended copy passes; a recurring report whose amounts changed does not.
   */
  static boolean figuresCompatible(Set<String> figuresA, int sizeA, Set<String> figuresB, int sizeB) {
    return sizeA <= sizeB ? figuresB.containsAll(figuresA) : figuresA.containsAll(figuresB);
  }

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

  /** For each text, in order, its highest similarity to any earlier text (and to any that passes the figures guard). */
  static List<Nearest> nearestEarlier(List<long[]> texts, List<Set<String>> figures) {
    Map<Long, List<Integer>> postings = new HashMap<>();
    List<Nearest> result = new ArrayList<>(texts.size());
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
      double guardedJaccard = 0;
      double guardedContainment = 0;
      for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
        int other = e.getKey();
        Similarity s = similarity(e.getValue(), shingles.length, texts.get(other).length);
        jaccard = Math.max(jaccard, s.jaccard());
        containment = Math.max(containment, s.containment());
        if (figuresCompatible(figures.get(i), shingles.length, figures.get(other), texts.get(other).length)) {
          guardedJaccard = Math.max(guardedJaccard, s.jaccard());
          guardedContainment = Math.max(guardedContainment, s.containment());
        }
      }
      result.add(new Nearest(new Similarity(jaccard, containment), new Similarity(guardedJaccard, guardedContainment)));
    }
    return result;
  }

  private static Similarity similarity(int shared, int a, int b) {
    return new Similarity((double) shared / (a + b - shared), (double) shared / Math.min(a, b));
  }
}
