package io.newsstream.ingest.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JSON articles with Jackson's streaming parser into {@link ArticleInput}s, field by
 * field, so that a field of the wrong type or an unknown field becomes a {@link Violation}
 * naming it instead of a generic binding error. Duplicate keys are rejected. Thread-safe.
 */
public final class JsonArticleReader {

  private final JsonFactory factory;
  private final boolean rejectUnknownFields;

  public JsonArticleReader(boolean rejectUnknownFields, int maxStringLength) {
    this.rejectUnknownFields = rejectUnknownFields;
    this.factory = JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .streamReadConstraints(StreamReadConstraints.builder()
            // A body may be up to max-body-length characters; leave head room so the length
            // rule, not the parser, reports an over-long body.
            .maxStringLength(Math.max(maxStringLength, StreamReadConstraints.DEFAULT_MAX_STRING_LEN))
            .build())
        .build();
  }

  JsonFactory factory() {
    return factory;
  }

  /** Reads exactly one JSON object (and nothing after it) from {@code in}. */
  public ArticleInput readSingle(InputStream in) throws MalformedBodyException, IOException {
    return readSingle(in, 1);
  }

  /**
   * Reads exactly one JSON object from {@code in}, which starts on line {@code firstLine} of the
   * request (an NDJSON line), so a parse error names the line of the request, not of the item.
   */
  ArticleInput readSingle(InputStream in, int firstLine) throws MalformedBodyException, IOException {
    int linesBefore = firstLine - 1;
    try (JsonParser p = factory.createParser(in)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new MalformedBodyException(
            "json-object", first == null ? "the body is empty; expected a JSON object" : "expected a JSON object");
      }
      ArticleInput input = readObject(p);
      if (p.nextToken() != null) {
        throw new MalformedBodyException(
            "json-syntax", "unexpected content after the JSON object" + where(p.currentLocation(), linesBefore));
      }
      return input;
    } catch (JsonProcessingException | CharConversionException e) {
      throw malformed(e, linesBefore);
    }
  }

  /**
   * Reads one object; the parser is positioned on its START_OBJECT and is left on its
   * END_OBJECT.
   */
  ArticleInput readObject(JsonParser p) throws IOException {
    ArticleInput in = new ArticleInput();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "id" -> in.id(text(p, name, value, in));
        case "url" -> in.url(text(p, name, value, in));
        case "title" -> in.title(text(p, name, value, in));
        case "body" -> in.body(text(p, name, value, in));
        case "publishedAt" -> in.publishedAt(text(p, name, value, in));
        case "author" -> in.author(text(p, name, value, in));
        case "source" -> in.source(text(p, name, value, in));
        case "language" -> in.language(text(p, name, value, in));
        case "attributes" -> in.attributes(attributes(p, value, in));
        default -> {
          if (rejectUnknownFields) {
            in.addViolation(new Violation(name, "unknown-field", "unknown field '" + name + "'"));
          }
          p.skipChildren();
        }
      }
    }
    return in;
  }

  private static String text(JsonParser p, String name, JsonToken value, ArticleInput in) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (value != JsonToken.VALUE_NULL) {
      in.addViolation(new Violation(name, "type", name + " must be a string, was " + kind(value)));
      p.skipChildren();
    }
    return null;
  }

  private static Map<String, String> attributes(JsonParser p, JsonToken value, ArticleInput in) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    if (value == JsonToken.VALUE_NULL) {
      return out;
    }
    if (value != JsonToken.START_OBJECT) {
      in.addViolation(new Violation("attributes", "type", "attributes must be an object of string pairs, was " + kind(value)));
      p.skipChildren();
      return out;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.VALUE_STRING) {
        out.put(key, p.getText());
      } else {
        in.addViolation(new Violation("attributes." + key, "type", "attribute values must be strings, was " + kind(v)));
        p.skipChildren();
      }
    }
    return out;
  }

  static String kind(JsonToken token) {
    if (token == null) {
      return "missing";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name().toLowerCase(Locale.ROOT);
    };
  }

  /** A client-safe description of a parse failure, with line and column. */
  static MalformedBodyException malformed(IOException e) {
    return malformed(e, 0);
  }

  /** As {@link #malformed(IOException)}, for input that starts after {@code linesBefore} lines of the request. */
  static MalformedBodyException malformed(IOException e, int linesBefore) {
    if (e instanceof JsonProcessingException jpe) {
      String message = jpe.getOriginalMessage();
      boolean utf8 = message != null && message.contains("UTF-8");
      if (message != null) {
        // Jackson appends hints about its own features; the first line is the useful part.
        int nl = message.indexOf('\n');
        message = nl > 0 ? message.substring(0, nl) : message;
        if (message.length() > 300) {
          message = message.substring(0, 300) + "...";
        }
      }
      return new MalformedBodyException(
          utf8 ? "utf-8" : "json-syntax", "malformed JSON: " + message + where(jpe.getLocation(), linesBefore));
    }
    return new MalformedBodyException("utf-8", "the body is not valid UTF-8");
  }

  private static String where(JsonLocation location, int linesBefore) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " (line " + (linesBefore + location.getLineNr()) + ", column " + location.getColumnNr() + ")";
  }
}
