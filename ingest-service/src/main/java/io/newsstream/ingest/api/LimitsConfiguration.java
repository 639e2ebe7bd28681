package io.newsstream.ingest.api;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Request size limits, under {@value #PREFIX}. A request whose Content-Length exceeds its
 * route's limit is refused with 413 before its body is read; a chunked body is cut off with 413
 * as soon as it passes the limit. {@code micronaut.server.max-request-size} must be at least
 * {@code max-batch-bytes}.
 */
@ConfigurationProperties(LimitsConfiguration.PREFIX)
public class LimitsConfiguration {

  public static final String PREFIX = "newsstream.ingest.limits";

  /**
   * Largest body of POST /v1/articles, and largest NDJSON line. Default 5 MiB (a body of 1 M
   * characters can take up to 4 MB of UTF-8).
   */
  private long maxArticleBytes = 5L * 1024 * 1024;

  /** Largest body of POST /v1/articles/batch. Default 64 MiB. */
  private long maxBatchBytes = 64L * 1024 * 1024;

  /** Most items in one batch. Default 10,000. */
  private int maxBatchItems = 10_000;

  public long getMaxArticleBytes() {
    return maxArticleBytes;
  }

  public void setMaxArticleBytes(long maxArticleBytes) {
    if (maxArticleBytes <= 0 || maxArticleBytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(PREFIX + ".max-article-bytes must be between 1 and " + Integer.MAX_VALUE);
    }
    this.maxArticleBytes = maxArticleBytes;
  }

  public long getMaxBatchBytes() {
    return maxBatchBytes;
  }

  public void setMaxBatchBytes(long maxBatchBytes) {
    if (maxBatchBytes <= 0) {
      throw new IllegalArgumentException(PREFIX + ".max-batch-bytes must be positive");
    }
    this.maxBatchBytes = maxBatchBytes;
  }

  public int getMaxBatchItems() {
    return maxBatchItems;
  }

  public void setMaxBatchItems(int maxBatchItems) {
    if (maxBatchItems <= 0) {
      throw new IllegalArgumentException(PREFIX + ".max-batch-items must be positive");
    }
    this.maxBatchItems = maxBatchItems;
  }
}
