package io.newsstream.ingest.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a batch item by item from a stream, so a large batch is never held as objects: a JSON
 * array ({@link #jsonArray}) or NDJSON, one object per line ({@link #ndjson}). An item that
 * cannot be read is returned with its violation and reading goes on where the format allows it
 * (NDJSON: next line). A JSON array that breaks mid-way cannot be resynchronised, so it throws
 * {@link MalformedBodyException}; {@link #count()} is then the index of the broken item.
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

  /**
   * Items returned so far; when {@link #next} threw, also the index of the item it was reading
   * (or of the next one, when it broke between items).
   */
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
          if (index == 0) {
            // Refused like an NDJSON body without a line: a batch answer always has results.
            throw new MalformedBodyException("min-items", "the batch is empty; send at least one article");
          }
          return null;
        }
        if (token == null) {
          throw new MalformedBodyException("json-syntax", "the JSON array is not closed");
        }
        checkItemLimit();
        // The index moves on only once the item has been read whole, so a break inside an item
        // leaves count() at that item's index.
        Item item;
        if (token != JsonToken.START_OBJECT) {
          parser.skipChildren();
          item = new Item(index, null,
              new Violation("", "json-object", "item must be a JSON object, was " + JsonArticleReader.kind(token)));
        } else {
          item = new Item(index, reader.readObject(parser), null);
        }
        index++;
        return item;
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
    /** Bytes read from the stream at a time. */
    static final int CHUNK = 64 * 1024;

    private final JsonArticleReader reader;
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[CHUNK];
    private int pos;
    private int limit;
    private byte[] line = new byte[8192];
    private int lineLength;
    /** Line of the request that {@code line} holds, from 1, blank lines counted. */
    private int lineNumber;
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
        boolean tooLong = readLine();
        lineNumber++;
        if (tooLong) {
          checkItemLimit();
          return new Item(index++, null, new Violation("", "max-bytes", "line " + lineNumber + " exceeds " + maxLineBytes + " bytes"));
        }
        if (isBlank(line, lineLength)) {
          continue;
        }
        checkItemLimit();
        int i = index++;
        try {
          return new Item(i, reader.readSingle(new ByteArrayInputStream(line, 0, lineLength), lineNumber), null);
        } catch (MalformedBodyException e) {
          return new Item(i, null, e.toViolation());
        }
      }
      if (index == 0) {
        // Nothing but blank lines (or nothing at all) is no batch, as a JSON body without its
        // array is none.
        throw new MalformedBodyException("json-object", "the body is empty; expected one JSON object per line");
      }
      return null;
    }

    /**
     * Reads up to the next LF into {@code line}, a chunk of the stream at a time (a request body is
     * not read a byte per call); true when the line was over the limit (skipped, not kept).
     */
    private boolean readLine() throws IOException {
      boolean tooLong = false;
      lineLength = 0;
      while (true) {
        if (pos == limit) {
          int read = in.read(chunk, 0, chunk.length);
          if (read < 0) {
            eof = true;
            return tooLong;
          }
          pos = 0;
          limit = read;
          continue;
        }
        int newline = pos;
        while (newline < limit && chunk[newline] != '\n') {
          newline++;
        }
        int length = newline - pos;
        if (!tooLong) {
          if (lineLength + length > maxLineBytes) {
            tooLong = true;
            lineLength = 0;
          } else {
            append(pos, length);
          }
        }
        if (newline < limit) {
          pos = newline + 1;
          return tooLong;
        }
        pos = limit;
      }
    }

    private void append(int from, int length) {
      if (lineLength + length > line.length) {
        line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
      }
      System.arraycopy(chunk, from, line, lineLength, length);
      lineLength += length;
    }

    private static boolean isBlank(byte[] bytes, int length) {
      for (int i = 0; i < length; i++) {
        byte b = bytes[i];
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
