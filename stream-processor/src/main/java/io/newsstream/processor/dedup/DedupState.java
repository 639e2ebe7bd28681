package io.newsstream.processor.dedup;

import io.newsstream.schemas.avro.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;

/** Values of the dedup stores and of the near-duplicate repartition topics. */
public final class DedupState {

  private DedupState() {}

  /** Revisions kept per URL, newest first; older ones are forgotten even inside the retention. */
  public static final int URL_HISTORY_LIMIT = 16;

  /** One emitted version of an article. */
  public record Revision(int revision, String contentHash, long simhash, String eventId) {}

  /** Emitted versions of one articleId, newest first, at most {@link #URL_HISTORY_LIMIT}. */
  public record UrlHistory(List<Revision> revisions) {

    public UrlHistory {
      if (revisions.isEmpty()) {
        throw new IllegalArgumentException("a URL history has at least one revision");
      }
      revisions = List.copyOf(revisions);
    }

    public static UrlHistory first(Revision revision) {
      return new UrlHistory(List.of(revision));
    }

    public Revision latest() {
      return revisions.get(0);
    }

    /** The revision with this content hash, or null. */
    public Revision withContent(String contentHash) {
      for (Revision r : revisions) {
        if (r.contentHash().equals(contentHash)) {
          return r;
        }
      }
      return null;
    }

    public UrlHistory plus(Revision next) {
      List<Revision> list = new ArrayList<>(URL_HISTORY_LIMIT);
      list.add(next);
      for (Revision r : revisions) {
        if (list.size() == URL_HISTORY_LIMIT) {
          break;
        }
        list.add(r);
      }
      return new UrlHistory(list);
    }
  }

  /**
   * An article indexed under one text key: its content hash or a SimHash block (the sketch then
   * holds only the figures, or nothing), or a containment key (the whole sketch).
   */
  public record NearEntry(String articleId, String eventId, long simhash, long publishedAt, ContainmentSketch sketch) {}

  /** {@code publishedAt} of an article without a publication time. */
  public static final long UNKNOWN_TIME = Long.MIN_VALUE;

  /**
   * One text probe (keyed by the content hash, a SimHash block or a containment key) or verdict
   * (keyed by eventId), and the pending decision that merges the verdicts. {@code seenProbes} is
   * a bit set of the probes this value covers; only probe 0 carries the article, so it travels
   * once.
   *
   * @param probeCount number of probes of the article: content hash, SimHash blocks, containment
   *     keys
   * @param seenProbes bit i set: probe i's verdict is included
   * @param articleId the probing article
   * @param eventId the probing submission
   * @param simhash the probing SimHash
   * @param publishedAt the probing article's publication time (epoch ms), or {@link
   *     #UNKNOWN_TIME}
   * @param sketch the probing text's containment sketch ({@link ContainmentSketch#EMPTY} in a
   *     verdict)
   * @param article the article itself, or null
   * @param matchArticleId the earlier article with the same content, else the closest near one,
   *     or null
   * @param matchEventId its eventId, or null
   * @param matchDistance its SimHash distance, or -1
   * @param exact the match has the same content hash (SAME_CONTENT), not only a near text
   */
  public record NearCheck(
      int probeCount,
      long seenProbes,
      String articleId,
      String eventId,
      long simhash,
      long publishedAt,
      ContainmentSketch sketch,
      EnrichedArticle article,
      String matchArticleId,
      String matchEventId,
      int matchDistance,
      boolean exact) {

    public boolean complete() {
      return seenProbes == (1L << probeCount) - 1;
    }

    public boolean hasMatch() {
      return matchArticleId != null;
    }

    public NearCheck withMatch(NearEntry match, int distance, boolean exact) {
      return new NearCheck(
          probeCount, seenProbes, articleId, eventId, simhash, publishedAt, sketch, article, match.articleId(), match.eventId(), distance, exact);
    }

    /** What travels on to the decision: the verdict without the sketch. */
    public NearCheck verdict() {
      return new NearCheck(
          probeCount, seenProbes, articleId, eventId, simhash, publishedAt, ContainmentSketch.EMPTY, article, matchArticleId, matchEventId, matchDistance, exact);
    }

    /**
     * Both verdicts together: the article from whichever carries it, and the better match: an
     * exact one (same content) before a near one, then the closer.
     */
    public NearCheck merge(NearCheck other) {
      EnrichedArticle a = article != null ? article : other.article;
      NearCheck closer = this;
      if (other.hasMatch()
          && (!hasMatch()
              || (other.exact && !exact)
              || (other.exact == exact && other.matchDistance < matchDistance))) {
        closer = other;
      }
      return new NearCheck(
          probeCount,
          seenProbes | other.seenProbes,
          articleId,
          eventId,
          simhash,
          publishedAt,
          ContainmentSketch.EMPTY,
          a,
          closer.matchArticleId,
          closer.matchEventId,
          closer.matchDistance,
          closer.exact);
    }
  }
}
