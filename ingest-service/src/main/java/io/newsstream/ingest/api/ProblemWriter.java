package io.newsstream.ingest.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import io.newsstream.ingest.validate.Violation;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds {@code application/problem+json} responses. The body is serialized here, so it is
 * written byte for byte whatever body writers the server has for the problem media type.
 */
@Singleton
public class ProblemWriter {

  private final JsonMapper json;

  public ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  /** A problem of one of Newsstream's own types ({@code slug} becomes the type URI). */
  public MutableHttpResponse<String> problem(
      HttpStatus status, String slug, String title, String detail, List<Violation> errors) {
    String type = slug == null ? "about:blank" : Problem.TYPE_PREFIX + slug;
    return respond(HttpResponse.status(status), new Problem(type, title, status.getCode(), detail, errors));
  }

  /** Writes {@code problem} as the body of {@code response} and sets the content type. */
  public <T> MutableHttpResponse<String> respond(MutableHttpResponse<T> response, Problem problem) {
    String body;
    try {
      body = new String(json.writeValueAsBytes(problem), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    @SuppressWarnings("unchecked")
    MutableHttpResponse<String> r = (MutableHttpResponse<String>) (MutableHttpResponse<?>) response;
    return r.body(body).contentType(Problem.MEDIA_TYPE);
  }
}
