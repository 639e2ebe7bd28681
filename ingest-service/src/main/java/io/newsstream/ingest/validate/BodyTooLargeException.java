package io.newsstream.ingest.validate;

import java.io.IOException;

/** The request body (or one NDJSON line) exceeded its configured byte limit while being read. */
public class BodyTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  private final long limit;

  public BodyTooLargeException(long limit) {
    super("body exceeds the limit of " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
