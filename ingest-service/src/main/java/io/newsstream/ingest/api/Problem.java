package io.newsstream.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.newsstream.ingest.validate.Violation;
import java.util.List;

/**
 * An RFC 9457 problem details object, sent as {@code application/problem+json}.
 *
 * @param type URI identifying the problem type ({@code about:blank} for plain HTTP statuses)
 * @param title short summary of the problem type
 * @param status the HTTP status code
 * @param detail explanation of this occurrence, safe for clients
 * @param errors for validation problems: every field and the rule it broke
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<Violation> errors) {

  /** Media type of problem responses. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** Prefix of Newsstream's problem type URIs. */
  public static final String TYPE_PREFIX = "urn:newsstream:problem:";
}
