package io.newsstream.processor.dedup;

import java.util.ArrayList;
import java.util.List;

/** Values of the dedup stores and of the near-duplicate repartition topics. */
public final class DedupState {

  private DedupState() {}

  /** Revisions kept per URL, newest first; older ones are forgotten even inside the retention. */
  public static final int URL_HISTORY_LIMIT = 16;

  /**
   * One version of an article that the same-URL step let through.
   *
   * @param words its body's {@link WordProfile}; null for a version stored before profiles were
   */
  public record Revision(int revision, String contentHash, long simhash, String eventId, WordProfile words) {

    /** A version without a word profile, as stored before profiles were. */
    public Revision(int revision, String contentHash, long simhash, String eventId) {
      this(revision, contentHash, simhash, eventId, null);
    }

    /** This version under another number. */
    public Revision renumbered(int number) {
      return new Revision(number, contentHash, simhash, eventId, words);
    }
  }

  /**
   * Versions of one articleId that the same-URL step let through, newest first, at most {@link
   * #URL_HISTORY_LIMIT}; a version a later step dropped is taken out again ({@link
   * UrlDedupProcessor#forget}).
   */
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

    /**
     * This history without the revision of {@code eventId}, the revisions after it a number lower
     * (none of them reached consumers yet: revisions are decided in order); null when nothing is
     * left.
     */
    public UrlHistory without(String eventId) {
      Revision removed = null;
      for (Revision r : revisions) {
        if (r.eventId().equals(eventId)) {
          removed = r;
        }
      }
      if (removed == null) {
        return this;
      }
      List<Revision> list = new ArrayList<>(revisions.size());
      for (Revision r : revisions) {
        if (r != removed) {
          list.add(r.revision() > removed.revision() ? r.renumbered(r.revision() - 1) : r);
        }
      }
      return list.isEmpty() ? null : new UrlHistory(list);
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
   * An article indexed under one text key: its content hash, eventId, a SimHash block or a
   * containment key. The sketch is empty: the text-key step keeps it once per article in {@link
   * TextKeyProcessor#SKETCH_STORE}. Entries written before that store existed carry it here (the
   * figures only under a SimHash block, the whole sketch under a containment key) and are read as
   * they are.
   */
  public record NearEntry(String articleId, String eventId, long simhash, long publishedAt, ContainmentSketch sketch) {}

  /** {@code publishedAt} of an article without a publication time. */
  public static final long UNKNOWN_TIME = Long.MIN_VALUE;

  /**
   * The near-duplicate decision's input and its pending merge, by eventId: the entry of the
   * article parked at home ({@link #waiting}) and one verdict per partition of the text-key step
   * that owns one of the article's keys. {@code expected} is the bit set of everything to wait
   * for (the owning partitions and {@link #ARTICLE_BIT}); only the waiting entry knows it. The
   * article itself is in a store of its own.
   *
   * @param expected bits of the verdicts and the waiting entry to wait for; 0 in a verdict
   * @param seen bits included: partition p's verdict is bit p, the waiting entry {@link
   *     #ARTICLE_BIT}
   * @param articleId the article
   * @param eventId the submission
   * @param matchArticleId the earlier article with the same content, else the earliest near one,
   *     or null
   * @param matchEventId its eventId, or null
   * @param matchDistance its SimHash distance, or -1
   * @param matchTime its record timestamp, or -1
   * @param exact the match has the same content hash (SAME_CONTENT) or eventId, not only a near
   *     text
   * @param sameEvent the match has the same eventId under another URL (SAME_EVENT)
   * @param undecided the match is the same content, and the decision on it was not known where it
   *     was found: it may yet be dropped, as a copy of an earlier near article (set only when near
   *     copies are dropped; flagged, they are emitted)
   */
  public record NearCheck(
      long expected,
      long seen,
      String articleId,
      String eventId,
      String matchArticleId,
      String matchEventId,
      int matchDistance,
      long matchTime,
      boolean exact,
      boolean sameEvent,
      boolean undecided) {

    /** The waiting entry's bit in {@code seen} and {@code expected}. */
    public static final long ARTICLE_BIT = 1L << 63;

    /**
     * The pending entry of an article parked at home (the article itself is kept apart, so that
     * merging a verdict does not rewrite it), waiting for the partitions in {@code partitionMask}.
     */
    public static NearCheck waiting(String articleId, String eventId, long partitionMask) {
      return new NearCheck(partitionMask | ARTICLE_BIT, ARTICLE_BIT, articleId, eventId, null, null, -1, -1L, false, false, false);
    }

    /** One partition's verdict without a match. */
    public static NearCheck verdict(TextProbe probe, int partition) {
      return new NearCheck(0L, 1L << partition, probe.articleId(), probe.eventId(), null, null, -1, -1L, false, false, false);
    }

    public boolean complete() {
      return expected != 0 && (seen & expected) == expected;
    }

    public boolean hasMatch() {
      return matchArticleId != null;
    }

    /** This verdict with a match: near, or {@code exact} (the same content hash). */
    public NearCheck withMatch(NearEntry match, int distance, long time, boolean exact) {
      return new NearCheck(expected, seen, articleId, eventId, match.articleId(), match.eventId(), distance, time, exact, false, false);
    }

    /** This verdict with a match of the same content not decided yet where it was found. */
    public NearCheck withUndecidedContentMatch(NearEntry match, int distance, long time) {
      return new NearCheck(expected, seen, articleId, eventId, match.articleId(), match.eventId(), distance, time, true, false, true);
    }

    /** This verdict with a match of the same eventId under another URL. */
    public NearCheck withSameEvent(NearEntry match, long time) {
      return new NearCheck(expected, seen, articleId, eventId, match.articleId(), match.eventId(), -1, time, true, true, false);
    }

    /** This verdict or {@code other}, whichever has the better match (see {@link #merge}). */
    public NearCheck better(NearCheck other) {
      return other.betterThan(this) ? other : this;
    }

    /**
     * The same event before the same content before a near text, then the earlier (timestamp,
     * eventId) match. An undecided same-content match loses to an earlier near one: the two texts
     * are the same, so the undecided article is itself near that earlier one and is likely to be
     * dropped for it (copies of a wire story arriving together), and the earlier one is what
     * consumers have.
     */
    private boolean betterThan(NearCheck other) {
      if (!hasMatch()) {
        return false;
      }
      if (!other.hasMatch() || sameEvent != other.sameEvent) {
        return !other.hasMatch() || sameEvent;
      }
      if (exact != other.exact) {
        NearCheck same = exact ? this : other;
        NearCheck near = exact ? other : this;
        boolean nearFirst = same.undecided && near.earlierMatch(same);
        return exact != nearFirst;
      }
      return earlierMatch(other);
    }

    private boolean earlierMatch(NearCheck other) {
      return matchTime < other.matchTime || (matchTime == other.matchTime && matchEventId.compareTo(other.matchEventId) < 0);
    }

    /**
     * Both together: the parts seen, and the better match: the same event, then the same content,
     * before a near one, then the earlier, which is the likelier to have been emitted (a copy of
     * a copy names the original).
     */
    public NearCheck merge(NearCheck other) {
      NearCheck closer = other.betterThan(this) ? other : this;
      return new NearCheck(
          expected | other.expected,
          seen | other.seen,
          articleId,
          eventId,
          closer.matchArticleId,
          closer.matchEventId,
          closer.matchDistance,
          closer.matchTime,
          closer.exact,
          closer.sameEvent,
          closer.undecided);
    }
  }
}
