package io.newsstream.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchReaderTest {

  final JsonArticleReader reader = new JsonArticleReader(true, 1_000_001);

  static ByteArrayInputStream in(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  static List<BatchReader.Item> readAll(BatchReader r) throws Exception {
    List<BatchReader.Item> items = new ArrayList<>();
    BatchReader.Item item;
    while ((item = r.next()) != null) {
      items.add(item);
    }
    return items;
  }

  @Test
  void shouldReadJsonArrayItemsInOrderAndFlagNonObjects() throws Exception {
    // when
    List<BatchReader.Item> items = readAll(BatchReader.jsonArray(reader, in("[{\"title\":\"a\"}, 7, {\"title\":\"c\"}]"), 10));
    // then
    assertThat(items).extracting(BatchReader.Item::index).containsExactly(0, 1, 2);
    assertThat(items.get(0).input().title()).isEqualTo("a");
    assertThat(items.get(1).error().rule()).isEqualTo("json-object");
    assertThat(items.get(2).input().title()).isEqualTo("c");
  }

  @Test
  void shouldStopAJsonArrayAtTheItemLimit() throws Exception {
    // given
    BatchReader r = BatchReader.jsonArray(reader, in("[{},{},{}]"), 2);
    // when
    r.next();
    r.next();
    // then
    assertThatThrownBy(r::next)
        .isInstanceOfSatisfying(MalformedBodyException.class, e -> assertThat(e.rule()).isEqualTo("max-items"));
  }

  @Test
  void shouldStopAJsonArrayThatBreaksInsideAnItemAtThatItemsIndex() throws Exception {
    // given: the second item is cut off
    BatchReader r = BatchReader.jsonArray(reader, in("[{\"id\":\"m-1\",\"title\":\"a\"}, {\"id\":\"m-2\", \"url\": "), 10);
    BatchReader.Item first = r.next();
    // when / then
    assertThatThrownBy(r::next)
        .isInstanceOfSatisfying(MalformedBodyException.class, e -> assertThat(e.rule()).isEqualTo("json-syntax"));
    assertThat(first.index()).isZero();
    assertThat(r.count()).isEqualTo(1);
  }

  @Test
  void shouldStopAJsonArrayWithInvalidUtf8InAnItemAtThatItemsIndex() throws Exception {
    // given: the second item's title holds a lone Latin-1 byte
    byte[] body = "[{\"title\":\"a\"}, {\"title\":\"b\u00FF\"}, {\"title\":\"c\"}]".getBytes(StandardCharsets.ISO_8859_1);
    BatchReader r = BatchReader.jsonArray(reader, new ByteArrayInputStream(body), 10);
    r.next();
    // when / then
    assertThatThrownBy(r::next)
        .isInstanceOfSatisfying(MalformedBodyException.class, e -> assertThat(e.rule()).isEqualTo("utf-8"));
    assertThat(r.count()).isEqualTo(1);
  }

  @Test
  void shouldStopAJsonArrayThatIsNotClosedAtTheNextIndex() throws Exception {
    // given
    BatchReader r = BatchReader.jsonArray(reader, in("[{\"title\":\"a\"}"), 10);
    r.next();
    // when / then
    assertThatThrownBy(r::next)
        .isInstanceOfSatisfying(MalformedBodyException.class, e -> assertThat(e.rule()).isEqualTo("json-syntax"));
    assertThat(r.count()).isEqualTo(1);
  }

  @Test
  void shouldRefuseAnEmptyJsonArrayAsABatchWithoutItems() throws Exception {
    for (String body : new String[] {"[]", " [ \n ] "}) {
      // given
      BatchReader r = BatchReader.jsonArray(reader, in(body), 10);
      // when / then
      assertThatThrownBy(r::next).as("[%s]", body).isInstanceOfSatisfying(MalformedBodyException.class, e -> {
        assertThat(e.rule()).isEqualTo("min-items");
        assertThat(e.getMessage()).isEqualTo("the batch is empty; send at least one article");
      });
      assertThat(r.count()).isZero();
    }
  }

  @Test
  void shouldRefuseAnNdjsonBodyWithoutAnyLineOfContentAsEmpty() throws Exception {
    for (String body : new String[] {"", " \r\n\n\t"}) {
      // given
      BatchReader r = BatchReader.ndjson(reader, in(body), 10, 1000);
      // when / then
      assertThatThrownBy(r::next).as("[%s]", body).isInstanceOfSatisfying(MalformedBodyException.class, e -> {
        assertThat(e.rule()).isEqualTo("json-object");
        assertThat(e.getMessage()).startsWith("the body is empty");
      });
    }
  }

  @Test
  void shouldContinueNdjsonAfterABrokenLineAndSkipBlankLines() throws Exception {
    // when
    List<BatchReader.Item> items = readAll(BatchReader.ndjson(reader,
        in("{\"title\":\"a\"}\n{broken\n\n  \r\n{\"title\":\"c\"}"), 10, 1000));
    // then
    assertThat(items).hasSize(3);
    assertThat(items.get(1).error().rule()).isEqualTo("json-syntax");
    assertThat(items.get(2).input().title()).isEqualTo("c");
    assertThat(items.get(2).index()).isEqualTo(2);
  }

  @Test
  void shouldNameTheRequestLineOfABrokenNdjsonItem() throws Exception {
    // given: the broken item is on the fourth line of the request, after a blank line
    String body = "{\"title\":\"a\"}\n{\"title\":\"b\"}\n\n{\"title\" \"c\"}\n{\"title\":\"d\"} x\n";
    // when
    List<BatchReader.Item> items = readAll(BatchReader.ndjson(reader, in(body), 10, 1000));
    // then
    assertThat(items).hasSize(4);
    assertThat(items.get(2).error().rule()).isEqualTo("json-syntax");
    assertThat(items.get(2).error().message()).endsWith("(line 4, column 10)");
    assertThat(items.get(3).error().message()).endsWith("(line 5, column 16)");
  }

  @Test
  void shouldRejectAnOverlongNdjsonLineNamingItsLineAndReadTheNext() throws Exception {
    // when: the over-long line is the request's third (a blank line before it counts)
    List<BatchReader.Item> items = readAll(BatchReader.ndjson(reader,
        in("{\"title\":\"first\"}\n\n{\"title\":\"" + "x".repeat(200) + "\"}\n{\"title\":\"ok\"}\n"), 10, 100));
    // then
    assertThat(items.get(1).error().rule()).isEqualTo("max-bytes");
    assertThat(items.get(1).error().message()).isEqualTo("line 3 exceeds 100 bytes");
    assertThat(items.get(2).input().title()).isEqualTo("ok");
  }

  /** Hands out at most {@code step} bytes per read, as a network stream may. */
  static InputStream trickle(String text, int step) {
    return new java.io.FilterInputStream(in(text)) {
      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        return super.read(b, off, Math.min(len, step));
      }
    };
  }

  @Test
  void shouldReadNdjsonLinesLongerThanAReadAndSplitAcrossReadsWhole() throws Exception {
    // given: lines longer than the reader's chunk, with multi-byte characters, handed out in odd pieces
    String longTitle = "\u00e9t\u00e9 \u20ac-".repeat(20_000);
    String body = "{\"title\":\"" + longTitle + "\"}\r\n\n{\"title\":\"short\"}\n{\"title\":\"last, no LF\"}";

    for (int step : new int[] {1, 7, 4096, Integer.MAX_VALUE}) {
      // when
      List<BatchReader.Item> items = readAll(BatchReader.ndjson(reader, trickle(body, step), 10, 1_000_000));

      // then
      assertThat(items).as("step %d", step).extracting(i -> i.input().title()).containsExactly(longTitle, "short", "last, no LF");
    }
  }

  @Test
  void shouldRejectAnOverlongNdjsonLineSpanningReadsAndReadTheNext() throws Exception {
    // given: a line over the limit only once several reads are put together
    String body = "{\"title\":\"" + "x".repeat(150_000) + "\"}\n{\"title\":\"ok\"}\n";

    // when
    List<BatchReader.Item> items = readAll(BatchReader.ndjson(reader, trickle(body, 10_000), 10, 100_000));

    // then
    assertThat(items).hasSize(2);
    assertThat(items.get(0).error().rule()).isEqualTo("max-bytes");
    assertThat(items.get(1).input().title()).isEqualTo("ok");
  }
}
