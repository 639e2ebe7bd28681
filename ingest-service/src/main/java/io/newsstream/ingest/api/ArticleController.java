package io.newsstream.ingest.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.newsstream.ingest.auth.ApiKeyFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.newsstream.ingest.publish.ArticlePublisher;
import io.newsstream.ingest.publish.PublishConfiguration;
import io.newsstream.ingest.publish.PublishException;
import io.newsstream.ingest.publish.PublishResult;
import io.newsstream.ingest.validate.ArticleInput;
import io.newsstream.ingest.validate.ArticleValidator;
import io.newsstream.ingest.validate.BatchReader;
import io.newsstream.ingest.validate.BodyTooLargeException;
import io.newsstream.ingest.validate.JsonArticleReader;
import io.newsstream.ingest.validate.LimitedInputStream;
import io.newsstream.ingest.validate.MalformedBodyException;
import io.newsstream.ingest.validate.MarkdownArticleReader;
import io.newsstream.ingest.validate.ValidArticle;
import io.newsstream.ingest.validate.ValidationConfiguration;
import io.newsstream.ingest.validate.Violation;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/articles} and {@code POST /v1/articles/batch}. Bodies are read as streams
 * within their byte limits, parsed and validated by {@code validate}, published by {@code
 * publish}; a 202 (or a 202 item in a batch) is given only after the broker acknowledged the
 * record. Runs on the blocking executor because it waits for Kafka within a bound.
 */
@Controller("/v1/articles")
@Tag(name = "articles")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ArticleController {

  private static final Logger LOG = LoggerFactory.getLogger(ArticleController.class);

  /** NDJSON media type. */
  public static final String NDJSON = "application/x-ndjson";
  /** Scraper markdown media type. */
  public static final String MARKDOWN = "text/markdown";

  private final ArticleValidator validator;
  private final JsonArticleReader jsonReader;
  private final MarkdownArticleReader markdownReader = new MarkdownArticleReader();
  private final ArticlePublisher publisher;
  private final PublishConfiguration publishConfig;
  private final LimitsConfiguration limits;
  private final ProblemWriter problems;
  private final IngestMetrics metrics;

  public ArticleController(
      ArticleValidator validator,
      ValidationConfiguration validation,
      ArticlePublisher publisher,
      PublishConfiguration publishConfig,
      LimitsConfiguration limits,
      ProblemWriter problems,
      IngestMetrics metrics) {
    this.validator = validator;
    this.jsonReader = new JsonArticleReader(validation.isRejectUnknownFields(), validation.getMaxBodyLength() + 1);
    this.publisher = publisher;
    this.publishConfig = publishConfig;
    this.limits = limits;
    this.problems = problems;
    this.metrics = metrics;
  }

  /** Submits one article, as a JSON object or in the scraper markdown format. */
  @Operation(summary = "Submit one article",
      description = "Validates the article and publishes it as an ArticleSubmitted event to articles.raw, keyed by"
          + " its canonical URL. Answers 202 only after the broker acknowledged the record.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
      @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleRequest.class)),
      @Content(mediaType = MARKDOWN, schema = @Schema(type = "string",
          description = "# Title / Published at: **ISO-8601** / Author: **name** / Original: [Outlet](url) / body"))})
  @ApiResponse(responseCode = "202", description = "Acknowledged by the broker",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
  @ApiResponse(responseCode = "400", description = "Malformed body or invalid article: errors names every field and rule",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @ApiResponse(responseCode = "401", description = "No API key, or an unknown one",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @ApiResponse(responseCode = "403", description = "The key's client is disabled",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @ApiResponse(responseCode = "413", description = "Body over the size limit (decided from Content-Length before reading)",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @ApiResponse(responseCode = "415", description = "Unsupported Content-Type, or a charset other than UTF-8",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @ApiResponse(responseCode = "429", description = "The client's rate limit is exhausted",
      headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Retry-After", description = "seconds",
          schema = @Schema(type = "integer")),
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @ApiResponse(responseCode = "503", description = "Kafka or the schema registry did not take the article in time",
      headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Retry-After", description = "seconds",
          schema = @Schema(type = "integer")),
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @Post(consumes = {MediaType.APPLICATION_JSON, MARKDOWN}, produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> submit(
      @Parameter(hidden = true) HttpRequest<?> request,
      @Parameter(hidden = true) @Nullable @Body InputStream body,
      @Parameter(description = "Becomes the eventId (per batch item: {key}-{index} unless the item has an id)")
          @Nullable @Header("Idempotency-Key") String idempotencyKey) {
    Instant receivedAt = Instant.now();
    String client = client(request);
    HttpResponse<?> wrongCharset = refuseCharset(request);
    if (wrongCharset != null) {
      return wrongCharset;
    }
    boolean markdown = isMedia(request, MARKDOWN);
    String format = markdown ? "markdown" : "json";
    List<Violation> keyViolations = new ArrayList<>();
    if (!validator.checkId(idempotencyKey, "Idempotency-Key", keyViolations)) {
      metrics.rejected(format, keyViolations.get(0).rule());
      return invalid(keyViolations);
    }
    ArticleInput input;
    try (InputStream in = new LimitedInputStream(orEmpty(body), limits.getMaxArticleBytes())) {
      input = markdown ? markdownReader.read(in) : jsonReader.readSingle(in);
    } catch (BodyTooLargeException e) {
      throw new PayloadTooLargeException(e.limit());
    } catch (MalformedBodyException e) {
      metrics.rejected(format, e.rule());
      return problems.problem(
          HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", e.getMessage(), List.of(e.toViolation()));
    } catch (IOException e) {
      if (exceedsServerLimit(e)) {
        throw new PayloadTooLargeException(limits.getMaxArticleBytes());
      }
      LOG.warn("Could not read the body of {} {}: {}", request.getMethodName(), request.getPath(), e.toString());
      metrics.rejected(format, "read-error");
      return problems.problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
          "the request body could not be read", null);
    }
    ArticleValidator.Result result = validator.validate(input);
    if (!result.isValid()) {
      metrics.rejected(format, result.violations().get(0).rule());
      return invalid(result.violations());
    }
    ValidArticle article = result.article();
    String eventId = idempotencyKey != null ? idempotencyKey : article.id() != null ? article.id() : UUID.randomUUID().toString();
    try {
      PublishResult published = publisher.publish(article, eventId, client, receivedAt);
      metrics.accepted(format);
      return HttpResponse.accepted()
          .body(new Accepted(published.eventId(), published.topic(), published.partition(), published.offset()));
    } catch (PublishException e) {
      metrics.rejected(format, e.reason() == PublishException.Reason.TOO_LARGE ? "too-large-for-topic" : "unavailable");
      return publishFailed(e);
    }
  }

  /**
   * Submits many articles, as a JSON array or NDJSON. Answers 207 with one result per item in
   * request order; valid items are published even when others are rejected.
   */
  @Operation(summary = "Submit a batch of articles",
      description = "A JSON array or NDJSON (one article per line), read as a stream. Answers 207 with one result"
          + " per item in request order; valid items are published even when others are rejected.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
      @Content(mediaType = MediaType.APPLICATION_JSON,
          array = @ArraySchema(schema = @Schema(implementation = ArticleRequest.class))),
      @Content(mediaType = NDJSON, schema = @Schema(type = "string", description = "one Article JSON object per line"))})
  @ApiResponse(responseCode = "207", description = "One result per item",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResult.class)))
  @ApiResponse(responseCode = "400", description = "Malformed body or invalid article: errors names every field and rule",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @ApiResponse(responseCode = "401", description = "No API key, or an unknown one",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @ApiResponse(responseCode = "403", description = "The key's client is disabled",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @ApiResponse(responseCode = "413", description = "Body over the size limit (decided from Content-Length before reading)",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @ApiResponse(responseCode = "415", description = "Unsupported Content-Type, or a charset other than UTF-8",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @ApiResponse(responseCode = "429", description = "The client's rate limit is exhausted",
      headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Retry-After", description = "seconds",
          schema = @Schema(type = "integer")),
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @Post(uri = "/batch", consumes = {MediaType.APPLICATION_JSON, NDJSON}, produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> submitBatch(
      @Parameter(hidden = true) HttpRequest<?> request,
      @Parameter(hidden = true) @Nullable @Body InputStream body,
      @Parameter(description = "Becomes the eventId (per batch item: {key}-{index} unless the item has an id)")
          @Nullable @Header("Idempotency-Key") String idempotencyKey) {
    Instant receivedAt = Instant.now();
    String client = client(request);
    HttpResponse<?> wrongCharset = refuseCharset(request);
    if (wrongCharset != null) {
      return wrongCharset;
    }
    boolean ndjson = isMedia(request, NDJSON);
    String format = ndjson ? "ndjson" : "json-batch";
    List<Violation> keyViolations = new ArrayList<>();
    if (!validator.checkId(idempotencyKey, "Idempotency-Key", keyViolations)) {
      return invalid(keyViolations);
    }
    List<BatchItemResult> results = new ArrayList<>();
    List<Pending> pending = new ArrayList<>();
    BatchItemResult stoppedAt = null;
    LimitedInputStream limited = new LimitedInputStream(orEmpty(body), limits.getMaxBatchBytes());
    InputStream in = new BufferedInputStream(limited, 64 * 1024);
    try (BatchReader reader = ndjson
        ? BatchReader.ndjson(jsonReader, in, limits.getMaxBatchItems(), (int) limits.getMaxArticleBytes())
        : BatchReader.jsonArray(jsonReader, in, limits.getMaxBatchItems())) {
      try {
        BatchReader.Item item;
        while ((item = reader.next()) != null) {
          handleItem(item, idempotencyKey, client, receivedAt, format, results, pending);
        }
      } catch (MalformedBodyException e) {
        if (reader.count() == 0) {
          metrics.rejected(format, e.rule());
          return problems.problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
              e.getMessage(), List.of(e.toViolation()));
        }
        stoppedAt = BatchItemResult.rejected(reader.count(), HttpStatus.BAD_REQUEST.getCode(), null, List.of(e.toViolation()));
      } catch (BodyTooLargeException e) {
        if (reader.count() == 0) {
          throw new PayloadTooLargeException(e.limit());
        }
        stoppedAt = BatchItemResult.rejected(reader.count(), HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode(), null,
            List.of(new Violation("", "max-bytes", e.getMessage())));
      }
    } catch (BodyTooLargeException e) {
      throw new PayloadTooLargeException(e.limit());
    } catch (IOException e) {
      if (exceedsServerLimit(e) && pending.isEmpty() && results.isEmpty()) {
        throw new PayloadTooLargeException(limits.getMaxBatchBytes());
      }
      if (exceedsServerLimit(e)) {
        stoppedAt = BatchItemResult.rejected(results.size(), HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode(), null,
            List.of(new Violation("", "max-bytes", "the request body exceeds the server's size limit")));
      } else {
        LOG.warn("Could not read the body of {} {}: {}", request.getMethodName(), request.getPath(), e.toString());
        if (pending.isEmpty() && results.isEmpty()) {
          return problems.problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
              "the request body could not be read", null);
        }
        stoppedAt = BatchItemResult.rejected(results.size(), HttpStatus.BAD_REQUEST.getCode(), null,
            List.of(new Violation("", "read-error", "the request body could not be read to the end")));
      }
    }
    boolean unavailable = false;
    for (Pending p : pending) {
      try {
        PublishResult r = publisher.await(p.future());
        metrics.accepted(format);
        results.set(p.slot(), new BatchItemResult(
            p.index(), HttpStatus.ACCEPTED.getCode(), p.id(), r.eventId(), r.topic(), r.partition(), r.offset(), null));
      } catch (PublishException e) {
        boolean tooLarge = e.reason() == PublishException.Reason.TOO_LARGE;
        unavailable |= !tooLarge;
        metrics.rejected(format, tooLarge ? "too-large-for-topic" : "unavailable");
        results.set(p.slot(), BatchItemResult.rejected(
            p.index(),
            tooLarge ? HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode() : HttpStatus.SERVICE_UNAVAILABLE.getCode(),
            p.id(),
            List.of(new Violation("", tooLarge ? "too-large-for-topic" : "unavailable", e.getMessage()))));
      }
    }
    if (stoppedAt != null) {
      metrics.rejected(format, stoppedAt.errors().get(0).rule());
      results.add(stoppedAt);
    }
    // Every result that is not a 202 is a rejection, the one saying why reading stopped too, so
    // accepted + rejected is always the number of results.
    int accepted = (int) results.stream().filter(r -> r.status() == HttpStatus.ACCEPTED.getCode()).count();
    int rejected = results.size() - accepted;
    MutableHttpResponse<BatchResult> response =
        HttpResponse.<BatchResult>status(HttpStatus.MULTI_STATUS).body(new BatchResult(accepted, rejected, results));
    if (unavailable) {
      response.header("Retry-After", Long.toString(retryAfterSeconds()));
    }
    return response;
  }

  private record Pending(int slot, int index, String id, CompletableFuture<PublishResult> future) {}

  private void handleItem(
      BatchReader.Item item,
      String idempotencyKey,
      String client,
      Instant receivedAt,
      String format,
      List<BatchItemResult> results,
      List<Pending> pending) {
    if (item.error() != null) {
      metrics.rejected(format, item.error().rule());
      results.add(BatchItemResult.rejected(item.index(), 400, null, List.of(item.error())));
      return;
    }
    ArticleValidator.Result result = validator.validate(item.input());
    String id = item.input().id();
    if (!result.isValid()) {
      metrics.rejected(format, result.violations().get(0).rule());
      results.add(BatchItemResult.rejected(item.index(), 400, id, result.violations()));
      return;
    }
    String eventId = id != null
        ? id
        : idempotencyKey != null ? idempotencyKey + "-" + item.index() : UUID.randomUUID().toString();
    CompletableFuture<PublishResult> sent;
    if (!pending.isEmpty() && failedUnavailable(pending.get(pending.size() - 1).future())) {
      // The previous send already failed on the spot (no metadata or buffer space within
      // max-block): the broker is away, and sending the rest one by one would make the
      // request wait max-block per item. Fail them at once instead; the client retries.
      sent = CompletableFuture.failedFuture(new PublishException(
          PublishException.Reason.UNAVAILABLE, "not sent: Kafka did not take the previous item in time", null));
    } else {
      sent = publisher.send(result.article(), eventId, client, receivedAt);
    }
    pending.add(new Pending(results.size(), item.index(), id, sent));
    results.add(null);
  }

  private static boolean failedUnavailable(CompletableFuture<PublishResult> future) {
    if (!future.isCompletedExceptionally()) {
      return false;
    }
    try {
      future.getNow(null);
      return false;
    } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
      return e.getCause() instanceof PublishException pe && pe.reason() == PublishException.Reason.UNAVAILABLE;
    }
  }

  private HttpResponse<?> invalid(List<Violation> violations) {
    return problems.problem(
        HttpStatus.BAD_REQUEST,
        "invalid-article",
        "Invalid article",
        violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid",
        violations);
  }

  private HttpResponse<?> publishFailed(PublishException e) {
    if (e.reason() == PublishException.Reason.TOO_LARGE) {
      return problems.problem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too-large-for-topic", "Payload Too Large",
          e.getMessage(), null);
    }
    return problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", "Service Unavailable",
            e.getMessage() + "; retry later with the same Idempotency-Key", null)
        .header("Retry-After", Long.toString(retryAfterSeconds()));
  }

  private long retryAfterSeconds() {
    return Math.max(1, (publishConfig.getRetryAfter().toMillis() + 999) / 1000);
  }

  private static String client(HttpRequest<?> request) {
    return request.getAttribute(ApiKeyFilter.CLIENT_ATTRIBUTE, String.class)
        .orElseThrow(() -> new IllegalStateException("request reached the controller without passing ApiKeyFilter"));
  }

  /**
   * Micronaut binds no body at all when the request has none (Content-Length 0); read that as
   * the empty body it is, so the readers answer it like any other body with nothing in it.
   */
  private static InputStream orEmpty(@Nullable InputStream body) {
    return body == null ? InputStream.nullInputStream() : body;
  }

  /** The server's own max-request-size cut the body off (surfaces as an IOException while reading). */
  private static boolean exceedsServerLimit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ContentLengthExceededException) {
        return true;
      }
    }
    return false;
  }

  /**
   * A 415 naming the charset when the Content-Type declares one other than UTF-8 (or its subset
   * US-ASCII); null otherwise. Every body format here is UTF-8 (JSON by RFC 8259), and reading
   * another charset as UTF-8 would only fail later with a confusing utf-8 error, or not at all
   * and change the text.
   */
  private HttpResponse<?> refuseCharset(HttpRequest<?> request) {
    String charset = request.getContentType()
        .map(m -> m.getParametersMap().get(MediaType.CHARSET_PARAMETER))
        .map(c -> c.strip().replace("\"", ""))
        .orElse(null);
    if (charset == null || isUtf8(charset)) {
      return null;
    }
    metrics.refused("unsupported-charset");
    return problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
        "charset " + charset + " is not supported; send the body as UTF-8 (charset=utf-8, or no charset)", null);
  }

  private static boolean isUtf8(String charset) {
    try {
      String name = java.nio.charset.Charset.forName(charset).name();
      return name.equals("UTF-8") || name.equals("US-ASCII");
    } catch (IllegalArgumentException e) { // illegal or unknown charset name
      return false;
    }
  }

  private static boolean isMedia(HttpRequest<?> request, String type) {
    return request.getContentType().map(m -> m.getName().equalsIgnoreCase(type)).orElse(false);
  }
}
