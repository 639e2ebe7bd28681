package io.newsstream.ingest.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Micronaut's error bodies (JSON with exception messages, or HTML pages) with RFC 9457
 * problems for every status the framework produces itself: 400, 404, 405, 413, 415, 500 and
 * the rest. The detail is written here from the status and the request, never copied from an
 * exception, so no class names or stack traces leak; the cause of a 500 is logged instead.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<String> {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

  private final ProblemWriter writer;

  public ProblemErrorResponseProcessor(ProblemWriter writer) {
    this.writer = writer;
  }

  @Override
  public MutableHttpResponse<String> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
    HttpStatus status = response.getStatus();
    String method = context.getRequest().getMethodName();
    String path = context.getRequest().getPath();
    String detail = switch (status) {
      case BAD_REQUEST -> "the request could not be understood";
      case NOT_FOUND -> "no resource at " + path;
      case METHOD_NOT_ALLOWED -> "method " + method + " is not allowed on " + path;
      case NOT_ACCEPTABLE -> "no acceptable representation; this API answers application/json";
      case REQUEST_ENTITY_TOO_LARGE -> "the request body is larger than this server accepts";
      case UNSUPPORTED_MEDIA_TYPE -> "content type "
          + context.getRequest().getContentType().map(Object::toString).orElse("(none)")
          + " is not supported on " + method + " " + path;
      case INTERNAL_SERVER_ERROR -> "an unexpected error occurred; it has been logged";
      default -> status.getReason();
    };
    if (status.getCode() >= 500) {
      context.getRootCause().ifPresent(cause -> LOG.error("{} {} failed", method, path, cause));
    }
    String slug = switch (status) {
      case REQUEST_ENTITY_TOO_LARGE -> "payload-too-large";
      case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
      default -> null;
    };
    Problem problem = new Problem(
        slug == null ? "about:blank" : Problem.TYPE_PREFIX + slug,
        status.getReason(),
        status.getCode(),
        detail,
        null);
    return writer.respond(response, problem);
  }
}
