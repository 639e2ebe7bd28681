package io.newsstream.benchmarks.quality;

/**
 * One submission of the dedup quality run.
 *
 * @param eventId the submission's event id (unique per case)
 * @param kind what it is, hence whether it should be dropped
 * @param corpusId the Reuters id the text comes from
 * @param rootId the Reuters id of the first article with this case's original body: a
 *     duplicate is dropped against the right article when its {@code duplicateOf} has the same
 *     root; a distinct article is its own root
 * @param url unique URL of the submission
 * @param title headline as submitted
 * @param body body as submitted
 * @param publishedAt publication time as submitted, or null (Reuters' own; a variant: its
 *     original's plus up to six hours, as another outlet's copy)
 * @param template true when another Reuters article has the same title, a different body and
 *     another publication day (the recurring template reports: hard negatives)
 */
public record DedupCase(
    String eventId,
    CaseKind kind,
    String corpusId,
    String rootId,
    String url,
    String title,
    String body,
    java.time.Instant publishedAt,
    boolean template) {}
