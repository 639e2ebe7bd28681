package io.newsstream.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A registry call failed. {@link #errorCode()} is the registry's {@code error_code} (for example
 * 40401 subject not found, 40403 schema not found) or -1 when the registry could not be reached
 * or sent no code. Extends {@link SerializationException} so Kafka's error handling treats it as
 * a serialization failure.
 */
public class SchemaRegistryException extends SerializationException {

  private static final long serialVersionUID = 1L;

  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int INCOMPATIBLE_SCHEMA = 409;

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int errorCode() {
    return errorCode;
  }

  /** True when the registry answered that the subject or schema does not exist. */
  public boolean isNotFound() {
    return errorCode == SUBJECT_NOT_FOUND || errorCode == SCHEMA_NOT_FOUND || errorCode == VERSION_NOT_FOUND;
  }

  /** True when the registry was unreachable or did not answer in time (retriable). */
  public boolean isUnavailable() {
    return httpStatus == -1 || httpStatus >= 500;
  }
}
