package io.newsstream.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsstream.schemas.avro.ArticleSubmitted;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Turns corpus articles into what the harnesses send: the JSON body of {@code POST /v1/articles}
 * and the {@link ArticleSubmitted} event ingest-service would publish for it, and measures the
 * size of that event on the wire.
 */
public final class Articles {

  /**
   * Bytes in front of the Avro body in the registry wire format: a magic byte and a 4-byte schema
   * id.
   */
  static final int WIRE_HEADER_BYTES = 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  private Articles() {}

  /** The corpus URL made unique: {@code <url>/<tag>-<sequence>}. */
  public static String uniqueUrl(CorpusArticle article, String tag, long sequence) {
    return article.url() + "/" + tag + "-" + sequence;
  }

  /** The JSON object ingest-service takes: url, title, body, publishedAt, author, source. */
  public static byte[] json(CorpusArticle article, String url) {
    ObjectNode node = JSON.createObjectNode();
    node.put("url", url);
    node.put("title", article.title());
    node.put("body", article.body());
    if (article.publishedAt() != null) {
      node.put("publishedAt", article.publishedAt());
    }
    if (article.author() != null) {
      node.put("author", article.author());
    }
    if (article.source() != null) {
      node.put("source", article.source());
    }
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The event ingest-service publishes for {@code article} submitted under {@code url}. */
  public static ArticleSubmitted submitted(CorpusArticle article, String url, String eventId, String body,
      String submittedBy, Instant receivedAt) {
    return ArticleSubmitted.newBuilder()
        .setEventId(eventId)
        .setUrl(url)
        .setTitle(article.title())
        .setBody(body)
        .setAuthor(article.author())
        .setPublishedAt(instantOrNull(article.publishedAt()))
        .setSourceName(article.source())
        .setLanguage(null)
        .setSubmittedBy(submittedBy)
        .setReceivedAt(receivedAt)
        .setAttributes(Map.of())
        .build();
  }

  /**
   * Mean size in bytes of the Kafka record values ingest-service writes for {@code articles}: the
   * Avro binary encoding of each {@link ArticleSubmitted} plus the wire header. The record-size of
   * the raw producer baseline.
   */
  public static int meanRecordBytes(List<CorpusArticle> articles) {
    SpecificDatumWriter<ArticleSubmitted> writer = new SpecificDatumWriter<>(ArticleSubmitted.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    BinaryEncoder encoder = null;
    long total = 0;
    Instant now = Instant.now();
    long sequence = 0;
    for (CorpusArticle article : articles) {
      ArticleSubmitted event = submitted(article, uniqueUrl(article, "size", sequence++),
          UUID.randomUUID().toString(), article.body(), "bench", now);
      out.reset();
      encoder = EncoderFactory.get().binaryEncoder(out, encoder);
      try {
        writer.write(event, encoder);
        encoder.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      total += out.size() + WIRE_HEADER_BYTES;
    }
    return (int) Math.round((double) total / articles.size());
  }

  private static Instant instantOrNull(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
