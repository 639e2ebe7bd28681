package io.newsstream.benchmarks.quality;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what the processor did with each {@link DedupCase} and derives the report's figures:
 * recall per duplicate kind (dropped / submitted), precision (drops of expected duplicates / all
 * drops), false-positive rate (distinct articles dropped / distinct articles submitted), overall
 * and on the same-title template reports. A case the processor neither emitted nor dropped (a
 * dead letter) is counted as lost, never as a drop.
 */
public final class DedupTally {

  /** What happened to one case. */
  public enum Verdict {
    /** Came out on articles.enriched. */
    EMITTED,
    /** Reported on articles.duplicates and not emitted. */
    DROPPED,
    /** Neither: a dead letter. */
    LOST
  }

  /** Counters of one case kind. */
  public static final class Counts {
    private long submitted;
    private long dropped;
    private long droppedAgainstRoot;
    private long lost;
    private long templateSubmitted;
    private long templateDropped;
    private final Map<String, Long> dropKinds = new TreeMap<>();

    public long submitted() {
      return submitted;
    }

    public long dropped() {
      return dropped;
    }

    /** Drops whose duplicateOf has this case's root (the article it was made from). */
    public long droppedAgainstRoot() {
      return droppedAgainstRoot;
    }

    public long lost() {
      return lost;
    }

    public long templateSubmitted() {
      return templateSubmitted;
    }

    public long templateDropped() {
      return templateDropped;
    }

    /** Drops by the processor's DuplicateKind name. */
    public Map<String, Long> dropKinds() {
      return dropKinds;
    }

    /** dropped / submitted, NaN when none was submitted. */
    public double dropRate() {
      return ratio(dropped, submitted);
    }
  }

  private final Map<CaseKind, Counts> byKind = new EnumMap<>(CaseKind.class);

  public DedupTally() {
    for (CaseKind kind : CaseKind.values()) {
      byKind.put(kind, new Counts());
    }
  }

  /**
   * Records one case's verdict.
   *
   * @param duplicateKind the processor's DuplicateKind name when dropped, else null
   * @param againstRoot when dropped: whether duplicateOf has the case's root
   */
  public void record(DedupCase c, Verdict verdict, String duplicateKind, boolean againstRoot) {
    Counts counts = byKind.get(c.kind());
    counts.submitted++;
    if (c.template()) {
      counts.templateSubmitted++;
    }
    switch (verdict) {
      case DROPPED -> {
        counts.dropped++;
        if (againstRoot) {
          counts.droppedAgainstRoot++;
        }
        if (c.template()) {
          counts.templateDropped++;
        }
        counts.dropKinds.merge(duplicateKind == null ? "?" : duplicateKind, 1L, Long::sum);
      }
      case LOST -> counts.lost++;
      case EMITTED -> {
        // nothing more to count
      }
    }
  }

  public Counts counts(CaseKind kind) {
    return byKind.get(kind);
  }

  /** Drop rate of one expected-duplicate kind. */
  public double recall(CaseKind kind) {
    return byKind.get(kind).dropRate();
  }

  /** Drop rate over every kind in the target's population ({@link CaseKind#inTarget()}). */
  public double recallInTarget() {
    long submitted = 0;
    long dropped = 0;
    for (CaseKind kind : CaseKind.values()) {
      if (kind.inTarget()) {
        submitted += byKind.get(kind).submitted;
        dropped += byKind.get(kind).dropped;
      }
    }
    return ratio(dropped, submitted);
  }

  /** Drops of expected duplicates / all drops (NaN without drops). */
  public double precision() {
    long all = 0;
    long expected = 0;
    for (CaseKind kind : CaseKind.values()) {
      all += byKind.get(kind).dropped;
      if (kind.expectedDuplicate()) {
        expected += byKind.get(kind).dropped;
      }
    }
    return ratio(expected, all);
  }

  /** Distinct articles dropped / distinct articles submitted. */
  public double falsePositiveRate() {
    return byKind.get(CaseKind.DISTINCT).dropRate();
  }

  /** Distinct template-report articles dropped / distinct template-report articles submitted. */
  public double templateFalsePositiveRate() {
    Counts distinct = byKind.get(CaseKind.DISTINCT);
    return ratio(distinct.templateDropped, distinct.templateSubmitted);
  }

  static double ratio(long numerator, long denominator) {
    return denominator == 0 ? Double.NaN : (double) numerator / denominator;
  }
}
