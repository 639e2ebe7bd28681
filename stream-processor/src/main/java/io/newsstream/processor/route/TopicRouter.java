package io.newsstream.processor.route;

import io.newsstream.schemas.avro.EnrichedArticle;
import io.newsstream.schemas.avro.TopicScore;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which taxonomy streams an article goes to: every matched topic that the taxonomy
 * declares, or the general stream when it matched none of them. The set of routable topics is
 * fixed when the topology is built, so every output topic is known (and created) up front; a
 * topic name the enricher returns that the taxonomy does not declare is ignored.
 */
public final class TopicRouter {

  private final Set<String> taxonomy;
  private final String general;

  public TopicRouter(Collection<String> taxonomyTopics, String generalTopic) {
    Set<String> names = new LinkedHashSet<>();
    for (String topic : taxonomyTopics) {
      names.add(topic.toLowerCase(Locale.ROOT));
    }
    names.remove(generalTopic.toLowerCase(Locale.ROOT));
    this.taxonomy = Set.copyOf(names);
    this.general = generalTopic.toLowerCase(Locale.ROOT);
  }

  /** Routable taxonomy topics (without general). */
  public Set<String> taxonomy() {
    return taxonomy;
  }

  public String general() {
    return general;
  }

  /** True when {@code article} goes to the stream of taxonomy topic {@code topic}. */
  public boolean matches(EnrichedArticle article, String topic) {
    for (TopicScore score : article.getTopics()) {
      if (score.getName().toLowerCase(Locale.ROOT).equals(topic)) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code article} matched no routable topic and goes to the general stream. */
  public boolean isGeneral(EnrichedArticle article) {
    for (TopicScore score : article.getTopics()) {
      if (taxonomy.contains(score.getName().toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }
}
