package io.newsstream.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.processor.enrich.ArticleInput;
import io.newsstream.processor.enrich.DefaultArticleEnricher;
import io.newsstream.processor.enrich.EnrichmentConfig;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.schemas.avro.TopicScore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What consumers read about {@code EnrichedArticle.topics} in the registered schema matches what the
 * processor writes there.
 */
class TopicScoreContractTest {

  @Test
  void shouldDocumentThatAShortTextKeepsItsStrongestTopicBelowTheThreshold() {
    // given: a UCI headline posted alone, which only its outlet (a technology site) ties to a topic
    EnrichmentConfig config = EnrichmentConfig.defaults();
    String url = "http://www.tuaw.com/2014/03/10/that-new-category-thing/";
    String headline = "Why what you think about that \"new category\" thing may be all wrong";
    ArticleSubmitted submitted =
        io.newsstream.processor.testing.Articles.submitted(url, headline, headline);

    // when
    EnrichedArticle article =
        Articles.enriched(
            submitted,
            new DefaultArticleEnricher(config).enrich(new ArticleInput(url, headline, headline, null)),
            Instant.parse("2026-01-01T00:00:00Z"));

    // then: it is listed with a score below the threshold, and the schema's doc says that can be
    assertThat(article.getTopics())
        .singleElement()
        .satisfies(topic -> assertThat(topic.getScore()).isLessThan(config.topicThreshold()));
    assertThat(TopicScore.getClassSchema().getField("score").doc())
        .doesNotContain("Only topics at or above the configured threshold")
        .contains("short text");
  }
}
