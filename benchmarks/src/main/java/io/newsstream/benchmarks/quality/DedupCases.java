package io.newsstream.benchmarks.quality;

import io.newsstream.benchmarks.CorpusArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Builds the submissions of the dedup quality run from Reuters-21578: every article in corpus
 * order under its own URL (the first of each body {@link CaseKind#DISTINCT}, later ones with the
 * same body {@link CaseKind#IDENTICAL_BODY}), then, under new URLs on other outlets' hosts and in
 * shuffled order, one variant of each kind for a seeded sample of the distinct articles.
 */
public final class DedupCases {

  /** Headline-only items of the corpus: {@code ******HEADLINE} then this placeholder. */
  static final String PLACEHOLDER_BODY = "Blah blah blah.";

  private DedupCases() {}

  /** True for corpus items with a real body (not the headline-only placeholder). */
  public static boolean hasRealBody(CorpusArticle article) {
    String body = article.body().strip();
    return !body.isEmpty() && !body.endsWith(PLACEHOLDER_BODY) && !article.title().isBlank();
  }

  /**
   * Shortest time between two reports of one title for them to be about different events: a
   * recurring report comes daily or weekly, while Reuters re-sends one story, edited, within
   * hours (often across midnight: 22:00 and 07:00 the next day).
   */
  static final Duration TEMPLATE_MIN_GAP = Duration.ofHours(24);

  /**
   * True when another article has the same title, a different body and was published at least
   * {@link #TEMPLATE_MIN_GAP} earlier or later: a recurring report (weekly reserve prices, money
   * supply, ...) about a different event. Same title and different body within a day is most
   * often Reuters re-issuing one story longer or shorter, which is not a hard negative. Without
   * publication times the two cannot be told apart, and the article is not counted.
   */
  static boolean isTemplateReport(CorpusArticle article, List<CorpusArticle> sameTitle) {
    Instant published = published(article);
    if (published == null) {
      return false;
    }
    for (CorpusArticle other : sameTitle) {
      Instant otherPublished = published(other);
      if (otherPublished != null
          && !other.body().equals(article.body())
          && Duration.between(otherPublished, published).abs().compareTo(TEMPLATE_MIN_GAP) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static Instant published(CorpusArticle article) {
    try {
      return article.publishedAt() == null ? null : Instant.parse(article.publishedAt());
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The cases, in submission order.
   *
   * @param corpus usable articles in corpus order
   * @param variantSample distinct articles to make variants of (all when larger than their count)
   * @param seed seed of the sample and of the generated edits
   */
  public static List<DedupCase> build(List<CorpusArticle> corpus, int variantSample, long seed) {
    Map<String, String> rootByBody = new HashMap<>();
    Map<String, List<CorpusArticle>> byTitle = new HashMap<>();
    for (CorpusArticle article : corpus) {
      byTitle.computeIfAbsent(article.title(), t -> new ArrayList<>()).add(article);
    }

    List<DedupCase> cases = new ArrayList<>();
    List<DedupCase> distinct = new ArrayList<>();
    for (CorpusArticle article : corpus) {
      String root = rootByBody.putIfAbsent(article.body(), article.id());
      boolean template = isTemplateReport(article, byTitle.get(article.title()));
      CaseKind kind = root == null ? CaseKind.DISTINCT : CaseKind.IDENTICAL_BODY;
      DedupCase c =
          new DedupCase(
              "reuters-" + article.id(), kind, article.id(), root == null ? article.id() : root, article.url(), article.title(),
              article.body(), published(article), template);
      cases.add(c);
      if (kind == CaseKind.DISTINCT) {
        distinct.add(c);
      }
    }

    Random random = new Random(seed);
    // Its own generator, so the edits are the same as without publication times.
    Random delays = new Random(seed ^ 0x5DEECE66DL);
    List<DedupCase> sample = new ArrayList<>(distinct);
    Collections.shuffle(sample, random);
    sample = sample.subList(0, Math.min(variantSample, sample.size()));
    List<DedupCase> variants = new ArrayList<>();
    int n = 0;
    for (DedupCase source : sample) {
      for (CaseKind kind : List.of(
          CaseKind.HEADLINE_CHANGED, CaseKind.BOILERPLATE_ADDED, CaseKind.LAST_PARAGRAPH_TRIMMED, CaseKind.WHITESPACE_QUOTES,
          CaseKind.ALL_FOUR)) {
        String title = source.title();
        String body = source.body();
        switch (kind) {
          case HEADLINE_CHANGED -> title = Variants.changedHeadline(title, body);
          case BOILERPLATE_ADDED -> body = Variants.withBoilerplate(body, random);
          case LAST_PARAGRAPH_TRIMMED -> body = Variants.withoutLastParagraph(body);
          case WHITESPACE_QUOTES -> body = Variants.retypeset(body);
          case ALL_FOUR -> {
            title = Variants.changedHeadline(title, body);
            String trimmed = Variants.withoutLastParagraph(body);
            body = Variants.retypeset(Variants.withBoilerplate(trimmed == null ? body : trimmed, random));
          }
          default -> throw new IllegalStateException("not a variant: " + kind);
        }
        if (body == null) {
          continue; // a one-sentence body has no last paragraph to trim
        }
        n++;
        String url = "https://www.outlet" + (n % 50) + ".example/news/" + source.corpusId() + "-" + kind.name().toLowerCase(Locale.ROOT);
        variants.add(
            new DedupCase(
                "variant-" + n, kind, source.corpusId(), source.rootId(), url, title, body,
                source.publishedAt() == null ? null : source.publishedAt().plusSeconds(delays.nextInt(6 * 3600)),
                source.template()));
      }
    }
    Collections.shuffle(variants, random);
    cases.addAll(variants);
    return cases;
  }
}
