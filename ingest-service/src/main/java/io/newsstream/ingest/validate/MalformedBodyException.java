package io.newsstream.ingest.validate;

/**
 * The request body could not be read as the declared format at all (broken JSON, invalid
 * UTF-8, not an object or array). The message is safe to show to the client: it says where and
 * what, never how the parser is built.
 */
public class MalformedBodyException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String rule;

  public MalformedBodyException(String rule, String message) {
    super(message);
    this.rule = rule;
  }

  /** Rule name for the problem's errors array, for example {@code json-syntax}, {@code utf-8}. */
  public String rule() {
    return rule;
  }

  /** As a violation of the whole document (field {@code ""}). */
  public Violation toViolation() {
    return new Violation("", rule, getMessage());
  }
}
