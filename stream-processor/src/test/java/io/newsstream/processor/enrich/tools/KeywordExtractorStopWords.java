package io.newsstream.processor.enrich.tools;

import io.newsstream.processor.enrich.KeywordExtractor;
import org.apache.lucene.analysis.CharArraySet;

/** Gives the tools the stop words the keyword extractor analyses English with. */
final class KeywordExtractorStopWords {

  private KeywordExtractorStopWords() {}

  static CharArraySet get() {
    return KeywordExtractor.englishStopWords();
  }
}
