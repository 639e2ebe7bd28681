package io.newsstream.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
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
  void shouldRejectAnOverlongNdjsonLineAndReadTheNext() throws Exception {
    // when
    List<BatchReader.Item> items = readAll(BatchReader.ndjson(reader,
        in("{\"title\":\"" + "x".repeat(200) + "\"}\n{\"title\":\"ok\"}\n"), 10, 100));
    // then
    assertThat(items.get(0).error().rule()).isEqualTo("max-bytes");
    assertThat(items.get(1).input().title()).isEqualTo("ok");
  }
}
