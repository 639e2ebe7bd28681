package io.newsstream.processor.enrich;

/**
 * Word count and estimated reading time of a cleaned text. Words are those of {@link
 * WordTokenizer}; the reading time is the word count at the configured words per minute (default
 * 230, a common figure for adults reading on screen), rounded up to whole seconds, and 0 for an
 * empty text. Thread-safe.
 */
public final class ReadingTime {

  private final int wordsPerMinute;

  public ReadingTime(int wordsPerMinute) {
    if (wordsPerMinute <= 0) {
      throw new IllegalArgumentException("wordsPerMinute must be positive: " + wordsPerMinute);
    }
    this.wordsPerMinute = wordsPerMinute;
  }

  /** Words in the text. */
  public int wordCount(String text) {
    return WordTokenizer.count(text);
  }

  /** Seconds to read that many words, rounded up. */
  public int seconds(int wordCount) {
    if (wordCount <= 0) {
      return 0;
    }
    return (int) Math.ceil(wordCount * 60.0 / wordsPerMinute);
  }
}
