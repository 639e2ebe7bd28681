package io.newsstream.ingest.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a batch item by item from a stream, so a large batch is never held as objects: a JSON
 * array ({@link #jsonArray}) or NDJSON, one object per line ({@link #ndjson}). An item that
 * cannot be read is returned with its violation and reading goes on where the format allows it
 * (NDJSON: next line). A JSON array that breaks mid-way cannot be resynchronised, so it throws
 * {@link MalformedBodyException} with the index reached.
 */
public abstract class BatchReader implements Closeable {

  /** One item of a batch: either {@code input} (possibly carrying parse violations) or {@code error}. */
  public record Item(int index, ArticleInput input, Violation error) {}

  protected final int maxItems;
  protected int index;

  protected BatchReader(int maxItems) {
    this.maxItems = maxItems;
  }

  /** The next item, or null after the last. */
  public abstract Item next() throws MalformedBodyException, IOException;

  /** Items returned so far. */
  public int count() {
    return index;
  }

  protected void checkItemLimit() throws MalformedBodyException {
    if (index >= maxItems) {
      throw new MalformedBodyException("max-items", "a batch may contain at most " + maxItems + " items");
    }
  }

  public static BatchReader jsonArray(JsonArticleReader reader, InputStream in, int maxItems) throws IOException {
    return new JsonArray(reader, in, maxItems);
  }

  public static BatchReader ndjson(JsonArticleReader reader, InputStream in, int maxItems, int maxLineBytes) {
    return new Ndjson(reader, in, maxItems, maxLineBytes);
  }

  private static final class JsonArray extends BatchReader {
    private final JsonArticleReader reader;
    private final JsonParser parser;
    private boolean started;

    JsonArray(JsonArticleReader reader, InputStream in, int maxItems) throws IOException {
      super(maxItems);
      this.reader = reader;
      this.parser = reader.factory().createParser(in);
    }

    @Override
    public Item next() throws MalformedBodyException, IOException {
      try {
        if (!started) {
          started = true;
          JsonToken first = parser.nextToken();
          if (first != JsonToken.START_ARRAY) {
            throw new MalformedBodyException(
                "json-array", first == null ? "the body is empty; expected a JSON array" : "expected a JSON array of article objects");
          }
        }
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
          if (parser.nextToken() != null) {
            throw new MalformedBodyException("json-syntax", "unexpected content after the JSON array");
          }
          return null;
        }
        if (token == null) {
          throw new MalformedBodyException("json-syntax", "the JSON array is not closed");
        }
        checkItemLimit();
        int i = index++;
        if (token != JsonToken.START_OBJECT) {
          parser.skipChildren();
          return new Item(i, null, new Violation("", "json-object", "item must be a JSON object, was " + JsonArticleReader.kind(token)));
        }
        return new Item(i, reader.readObject(parser), null);
      } catch (JsonProcessingException | CharConversionException e) {
        throw JsonArticleReader.malformed(e);
      }
    }

    @Override
    public void close() throws IOException {
      parser.close();
    }
  }

  private static final class Ndjson extends BatchReader {
    private final JsonArticleReader reader;
    private final InputStream in;
    private final int maxLineBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
    private boolean eof;

    Ndjson(JsonArticleReader reader, InputStream in, int maxItems, int maxLineBytes) {
      super(maxItems);
      this.reader = reader;
      this.in = in;
      this.maxLineBytes = maxLineBytes;
    }

    @Override
    public Item next() throws MalformedBodyException, IOException {
      while (!eof) {
        line.reset();
        boolean tooLong = readLine();
        if (tooLong) {
          checkItemLimit();
          return new Item(index++, null, new Violation("", "max-bytes", "line exceeds " + maxLineBytes + " bytes"));
        }
        byte[] bytes = line.toByteArray();
        if (isBlank(bytes)) {
          continue;
        }
        checkItemLimit();
        int i = index++;
        try {
          return new Item(i, reader.readSingle(new java.io.ByteArrayInputStream(bytes)), null);
        } catch (MalformedBodyException e) {
          return new Item(i, null, e.toViolation());
        }
      }
      return null;
    }

    /** Reads up to the next LF into {@code line}; true when the line was over the limit (skipped). */
    private boolean readLine() throws IOException {
      boolean tooLong = false;
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          return tooLong;
        }
        if (!tooLong) {
          if (line.size() >= maxLineBytes) {
            tooLong = true;
            line.reset();
          } else {
            line.write(b);
          }
        }
      }
      eof = true;
      return tooLong;
    }

    private static boolean isBlank(byte[] bytes) {
      for (byte b : bytes) {
        if (b != ' ' && b != '\t' && b != '\r') {
          return false;
        }
      }
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
