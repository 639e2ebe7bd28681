package io.newsstream.processor.runtime;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import io.newsstream.processor.enrich.ArticleEnricher;
import io.newsstream.processor.enrich.DefaultArticleEnricher;
import io.newsstream.processor.enrich.EnrichmentConfig;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the enrichment configuration from the {@code enrich.*} keys of the application's
 * configuration (application.yml, system properties, environment) and the enricher from it.
 */
@Factory
public class EnrichmentFactory {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichmentFactory.class);

  @Singleton
  EnrichmentConfig enrichmentConfig(Environment environment) {
    Map<String, String> properties = new LinkedHashMap<>();
    String prefix = EnrichmentConfig.PREFIX.substring(0, EnrichmentConfig.PREFIX.length() - 1);
    environment
        .getProperties(prefix, StringConvention.RAW)
        .forEach((key, value) -> properties.put(EnrichmentConfig.PREFIX + key, String.valueOf(value)));
    EnrichmentConfig config = EnrichmentConfig.fromProperties(properties);
    Set<String> unreachable = config.unreachableTermLanguages();
    if (!unreachable.isEmpty()) {
      LOG.warn(
          "Taxonomy terms scoped to {} never match: {} does not include {}",
          unreachable,
          EnrichmentConfig.LANGUAGES_CONFIG,
          unreachable.size() == 1 ? "it" : "them");
    }
    return config;
  }

  @Singleton
  ArticleEnricher articleEnricher(EnrichmentConfig config) {
    return new DefaultArticleEnricher(config);
  }
}
