package io.newsstream.processor.topology;

import io.newsstream.processor.enrich.Enrichment;
import io.newsstream.processor.enrich.NamedEntity;
import io.newsstream.processor.enrich.TopicMatch;
import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.schemas.avro.Entity;
import io.newsstream.schemas.avro.TopicScore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;

/** Builds the {@link EnrichedArticle} event from a submission and its enrichment. */
public final class Articles {

  private Articles() {}

  /** Revision 1 of the article; dedup sets the revision it is finally emitted with. */
  public static EnrichedArticle enriched(ArticleSubmitted submitted, Enrichment enrichment, Instant processedAt) {
    List<Entity> entities =
        enrichment.entities().stream().map(Articles::entity).toList();
    List<TopicScore> topics =
        enrichment.topics().stream().map(Articles::topic).toList();
    return EnrichedArticle.newBuilder()
        .setArticleId(enrichment.articleId())
        .setRevision(1)
        .setEventId(submitted.getEventId())
        .setUrl(submitted.getUrl())
        .setCanonicalUrl(enrichment.canonicalUrl())
        .setDomain(enrichment.domain())
        .setTitle(enrichment.title())
        .setBody(enrichment.body())
        .setAuthor(submitted.getAuthor())
        .setPublishedAt(submitted.getPublishedAt())
        .setSourceName(submitted.getSourceName())
        .setSubmittedBy(submitted.getSubmittedBy())
        .setReceivedAt(submitted.getReceivedAt())
        .setProcessedAt(processedAt)
        .setLanguage(enrichment.language())
        .setLanguageConfidence(enrichment.languageConfidence())
        .setWordCount(enrichment.wordCount())
        .setReadingTimeSeconds(enrichment.readingTimeSeconds())
        .setKeywords(List.copyOf(enrichment.keywords()))
        .setEntities(entities)
        .setTopics(topics)
        .setContentHash(enrichment.contentHash())
        .setSimhash(enrichment.simhash())
        .setAttributes(new HashMap<>(submitted.getAttributes()))
        .build();
  }

  private static Entity entity(NamedEntity entity) {
    return new Entity(entity.text(), entity.type());
  }

  private static TopicScore topic(TopicMatch match) {
    return new TopicScore(match.name(), match.score());
  }
}
