package io.newsstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CorpusTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldSkipHeadlineOnlyItemsWithThePlaceholderBody() throws Exception {
    // given a headline-only item as the corpus file has it: the headline repeated, then the placeholder
    String line = "{\"id\":\"reuters21578-9\",\"title\":\"ASSETS ROSE\",\"url\":\"https://reuters21578.example/newid/9\","
        + "\"body\":\"******ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK\\nBlah blah blah.\"}";

    // when / then
    assertThat(Corpus.parse(JSON.readTree(line))).isNull();
  }

  @Test
  void shouldSkipItemsWithoutBody() throws Exception {
    assertThat(Corpus.parse(JSON.readTree("{\"title\":\"T\",\"url\":\"https://x.example/1\",\"body\":\"  \"}"))).isNull();
    assertThat(Corpus.parse(JSON.readTree("{\"title\":\"T\",\"url\":\"https://x.example/1\",\"body\":null}"))).isNull();
  }

  @Test
  void shouldMapTheFieldsIngestServiceTakes() throws Exception {
    // given
    String line = "{\"id\":\"reuters21578-1\",\"title\":\"BAHIA COCOA REVIEW\",\"body\":\"Showers continued.\","
        + "\"url\":\"https://reuters21578.example/newid/1\",\"source\":\"Reuters\",\"publishedAt\":\"1987-02-26T15:01:01.790Z\","
        + "\"author\":null,\"label\":\"cocoa\"}";

    // when
    CorpusArticle article = Corpus.parse(JSON.readTree(line));

    // then
    assertThat(article).isEqualTo(new CorpusArticle("reuters21578-1", "https://reuters21578.example/newid/1",
        "BAHIA COCOA REVIEW", "Showers continued.", "1987-02-26T15:01:01.790Z", null, "Reuters"));
  }
}
