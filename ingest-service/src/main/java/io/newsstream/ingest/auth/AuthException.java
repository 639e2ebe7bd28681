package io.newsstream.ingest.auth;

/**
 * A request to /v1 was refused by authentication or rate limiting. The HTTP layer turns it into
 * a problem response; the message is safe for clients and never contains the key.
 */
public class AuthException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the request was refused. */
  public enum Kind {
    /** 401: no key, or a key that matches no client. */
    UNAUTHENTICATED,
    /** 403: the key's client is disabled. */
    FORBIDDEN,
    /** 429: the client's token bucket is empty. */
    RATE_LIMITED
  }

  private final Kind kind;
  private final long retryAfterSeconds;

  public AuthException(Kind kind, String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.kind = kind;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public Kind kind() {
    return kind;
  }

  /** For {@link Kind#RATE_LIMITED}: whole seconds until a retry can succeed (at least 1). */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
