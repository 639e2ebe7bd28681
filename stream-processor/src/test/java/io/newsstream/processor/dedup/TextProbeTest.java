package io.newsstream.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.processor.enrich.ArticleInput;
import io.newsstream.processor.testing.FakeEnricher;
import io.newsstream.processor.topology.Articles;
import io.newsstream.schemas.avro.EnrichedArticle;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextProbeTest {

  private static final String BODY =
      "The Federal Reserve entered the government securities market to arrange 1.5 billion dlrs of"
          + " customer repurchase agreements, a spokesman said. Dealers said federal funds were trading"
          + " at six pct when the Fed began its temporary and indirect supply of reserves.";

  private static EnrichedArticle article(int revision) {
    var submitted = io.newsstream.processor.testing.Articles.submitted("https://example.com/fed", "Fed adds reserves", BODY);
    var enrichment = new FakeEnricher().enrich(new ArticleInput(submitted.getUrl(), submitted.getTitle(), submitted.getBody(), null));
    EnrichedArticle a = Articles.enriched(submitted, enrichment, Instant.parse("2026-01-01T00:00:00Z"));
    a.setRevision(revision);
    return a;
  }

  @Test
  void shouldKeyAnArticleByContentHashThenSimHashBlocksThenContainmentKeysThenEvent() {
    EnrichedArticle article = article(1);
    TextProbe probe = TextProbe.of(article, 4, true, 0);

    List<String> keys = probe.keys();

    assertThat(keys.get(0)).isEqualTo("h:" + article.getContentHash());
    assertThat(keys.subList(1, 5)).allMatch(k -> k.matches("[0-3]:[0-9a-f]+"));
    assertThat(keys.subList(5, keys.size() - 1)).hasSize(10).allMatch(ContainmentSketch::isKey);
    assertThat(keys.get(keys.size() - 1)).isEqualTo("e:" + article.getEventId());
  }

  @Test
  void shouldProbeARevisionByItsContentAndEventOnly() {
    EnrichedArticle revision = article(2);
    TextProbe probe = TextProbe.of(revision, 4, true, 0);

    assertThat(probe.keys()).containsExactly("h:" + revision.getContentHash(), "e:" + revision.getEventId());
    assertThat(probe.sketch()).isEqualTo(ContainmentSketch.EMPTY);
  }

  @Test
  void shouldIndexACorrectionUnderEveryKeyWithoutComparingItThere() {
    EnrichedArticle original = article(1);
    EnrichedArticle correction = EnrichedArticle.newBuilder(original).setTitle("CORRECTED - Fed adds reserves").build();

    TextProbe probe = TextProbe.of(correction, 4, true, 0);

    assertThat(probe.keys()).isEqualTo(TextProbe.of(original, 4, true, 0).keys());
    assertThat(probe.nearCheck()).isFalse();
    assertThat(TextProbe.of(article(1), 4, true, 0).nearCheck()).isTrue();
  }

  @Test
  void shouldBeSentToExactlyThePartitionsOwningItsKeys() {
    TextProbe probe = TextProbe.of(article(1), 4, true, 0);

    Set<Integer> partitions = probe.partitions(4);

    assertThat(partitions).isNotEmpty().allMatch(p -> p >= 0 && p < 4);
    for (String key : probe.keys()) {
      assertThat(partitions).contains(TextProbe.partitionOf(key, 4));
    }
    long mask = TextProbe.mask(partitions);
    assertThat(Long.bitCount(mask)).isEqualTo(partitions.size());
    assertThat(new PartitionNumberPartitioner<TextProbe>().partitions("t", "3", probe, 4)).contains(Set.of(3));
  }
}
