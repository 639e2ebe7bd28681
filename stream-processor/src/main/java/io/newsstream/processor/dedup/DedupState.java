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

  /** The first article seen with a content hash. */
  public record ContentOwner(String articleId, String eventId) {}

  /** An article indexed under one SimHash block. */
  public record NearEntry(String articleId, String eventId, long simhash) {}

  /**
   * One near-duplicate probe (keyed by a block) or verdict (keyed by eventId), and the pending
   * decision that merges the verdicts. {@code seenBlocks} is a bit set of the blocks this value
   * covers; only block 0's probe carries the article, so it travels once.
   *
   * @param blockCount number of blocks the SimHash was split into
   * @param seenBlocks bit i set: block i's verdict is included
   * @param articleId the probing article
   * @param eventId the probing submission
   * @param simhash the probing SimHash
   * @param article the article itself, or null
   * @param matchArticleId closest earlier article within the distance, or null
   * @param matchEventId its eventId, or null
   * @param matchDistance its distance, or -1
   */
  public record NearCheck(
      int blockCount,
      long seenBlocks,
      String articleId,
      String eventId,
      long simhash,
      EnrichedArticle article,
      String matchArticleId,
      String matchEventId,
      int matchDistance) {

    public boolean complete() {
      return seenBlocks == (1L << blockCount) - 1;
    }

    public boolean hasMatch() {
      return matchArticleId != null;
    }

    public NearCheck withMatch(NearEntry match, int distance) {
      return new NearCheck(blockCount, seenBlocks, articleId, eventId, simhash, article, match.articleId(), match.eventId(), distance);
    }

    /** Both verdicts together: the article from whichever carries it, the closer match. */
    public NearCheck merge(NearCheck other) {
      EnrichedArticle a = article != null ? article : other.article;
      NearCheck closer = this;
      if (other.hasMatch() && (!hasMatch() || other.matchDistance < matchDistance)) {
        closer = other;
      }
      return new NearCheck(
          blockCount,
          seenBlocks | other.seenBlocks,
          articleId,
          eventId,
          simhash,
          a,
          closer.matchArticleId,
          closer.matchEventId,
          closer.matchDistance);
    }
  }
}
