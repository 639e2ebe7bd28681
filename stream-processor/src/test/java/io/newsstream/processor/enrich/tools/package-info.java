/**
 * Development tools for the enrichment library that are not shipped: {@link
 * io.newsstream.processor.enrich.tools.IdfTableBuilder} regenerates the document-frequency table
 * the keyword extractor ships, from the Reuters-21578 corpus.
 */
package io.newsstream.processor.enrich.tools;
