package io.newsstream.ingest.api;

/** The declared or read size of a request body exceeds its route's limit: 413. */
public class PayloadTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long limit;

  public PayloadTooLargeException(long limit) {
    super("the request body exceeds the limit of " + limit + " bytes", null, false, false);
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
