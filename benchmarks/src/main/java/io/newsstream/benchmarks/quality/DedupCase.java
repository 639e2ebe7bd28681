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
 * @param template true when another Reuters article has the same title, a different body and
 *     another publication day (the recurring template reports: hard negatives)
 */
public record DedupCase(
    String eventId, CaseKind kind, String corpusId, String rootId, String url, String title, String body, boolean template) {}
