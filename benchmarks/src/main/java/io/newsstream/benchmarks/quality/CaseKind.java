package io.newsstream.benchmarks.quality;

/**
 * What one submission of the dedup quality run is, and so whether the processor should drop it.
 * Every kind but {@link #DISTINCT} is a duplicate of an earlier submission.
 */
public enum CaseKind {
  /** A Reuters article whose body no earlier article has: must come out on articles.enriched. */
  DISTINCT("distinct article (negative)"),
  /** A later Reuters article with exactly the body of an earlier one (headline may differ). */
  IDENTICAL_BODY("Reuters identical body"),
  /** Generated: the body unchanged, a different headline. */
  HEADLINE_CHANGED("headline changed"),
  /** Generated: outlet boilerplate lines appended ("Reporting by ...; Editing by ...", copyright). */
  BOILERPLATE_ADDED("outlet boilerplate added"),
  /** Generated: the last paragraph removed (the last sentence for one-paragraph bodies). */
  LAST_PARAGRAPH_TRIMMED("last paragraph trimmed"),
  /** Generated: line breaks, spacing, quotes and dashes changed, words kept. */
  WHITESPACE_QUOTES("whitespace and quotes altered"),
  /** Generated: all four edits above at once (harder than any one; not part of the target). */
  ALL_FOUR("all four edits at once");

  private final String label;

  CaseKind(String label) {
    this.label = label;
  }

  /** Human-readable name for the report table. */
  public String label() {
    return label;
  }

  /** True for every kind the processor should drop as a duplicate. */
  public boolean expectedDuplicate() {
    return this != DISTINCT;
  }

  /** True for the generated single-edit variants and the corpus's identical bodies: the target's population. */
  public boolean inTarget() {
    return expectedDuplicate() && this != ALL_FOUR;
  }
}
