package io.newsstream.ingest.publish;

/**
 * A record could not be published. {@link #reason()} tells the HTTP layer what to answer:
 * {@link Reason#UNAVAILABLE} (broker or registry did not take it in time; retry later), {@link
 * Reason#TOO_LARGE} (the record exceeds what the producer or topic accepts; retrying will not
 * help). The message is safe to show to clients.
 */
public class PublishException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why publishing failed. */
  public enum Reason {
    UNAVAILABLE,
    TOO_LARGE
  }

  private final Reason reason;

  public PublishException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
