/**
 * Quality report of issue 4 ({@code ./newsstream quality}): the real stream-processor topology,
 * driven in-process by {@code TopologyTestDriver} with the real {@code DefaultArticleEnricher},
 * fed with Reuters-21578 articles, the corpus's own identical bodies, generated variants of
 * sampled articles (headline changed, outlet boilerplate added, last paragraph trimmed,
 * whitespace and quotes altered) and the same-title template reports as hard negatives; it
 * prints duplicate recall, precision and false-positive rate, next to the top-topic accuracy of
 * the processor's own {@code TopicAccuracyReport} on the UCI headlines (and how often it gives
 * Reuters' economic wire copy another topic). Figures in
 * {@code docs/quality.md}.
 */
package io.newsstream.benchmarks.quality;
