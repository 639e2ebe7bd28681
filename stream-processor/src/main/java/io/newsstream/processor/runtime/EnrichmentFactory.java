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
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the enrichment configuration from the {@code enrich.*} keys of the application's
 * configuration (application.yml, system properties, environment) and the enricher from it.
 */
@Factory
public class EnrichmentFactory {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichmentFactory.class);

  /** A taxonomy key as Micronaut lists it under {@code enrich}, environment variables included. */
  private static final Pattern TOPIC_TERMS = Pattern.compile("topics\\.([^.]+)\\.terms");

  @Singleton
  EnrichmentConfig enrichmentConfig(Environment environment) {
    EnrichmentConfig config = EnrichmentConfig.fromProperties(enrichProperties(environment));
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

  /**
   * The {@code enrich.*} settings of the configuration. Micronaut lists the keys of
   * application.yml and system properties as written, but resolves environment variables
   * ({@code ENRICH_LANGUAGE_LANGUAGES}) only by name: each documented key, and each taxonomy key
   * an environment variable names ({@code ENRICH_TOPICS_CLIMATE_TERMS}), is therefore resolved
   * by name as well, with Micronaut's precedence (a system property over an environment
   * variable over application.yml). Per-domain furniture rules, whose keys hold a domain's dots,
   * cannot come from environment variables.
   */
  static Map<String, String> enrichProperties(Environment environment) {
    Map<String, String> properties = new LinkedHashMap<>();
    String prefix = EnrichmentConfig.PREFIX.substring(0, EnrichmentConfig.PREFIX.length() - 1);
    environment
        .getProperties(prefix, StringConvention.RAW)
        .forEach((key, value) -> properties.put(EnrichmentConfig.PREFIX + key, String.valueOf(value)));
    Set<String> named = new TreeSet<>();
    for (String key : EnrichmentConfig.documentation().keySet()) {
      if (!key.contains("<")) { // enrich.topics.<topic>.terms: looked for below
        named.add(key);
      }
    }
    for (String key : environment.getProperties(prefix).keySet()) {
      if (TOPIC_TERMS.matcher(key).matches()) {
        named.add(EnrichmentConfig.PREFIX + key);
      }
    }
    for (String key : named) {
      environment.getProperty(key, String.class).ifPresent(value -> properties.put(key, value));
    }
    return properties;
  }

  /** The enricher, warmed up before the first article reaches it ({@link DefaultArticleEnricher#warmUp}). */
  @Singleton
  ArticleEnricher articleEnricher(EnrichmentConfig config) {
    long start = System.nanoTime();
    DefaultArticleEnricher enricher = new DefaultArticleEnricher(config);
    long built = System.nanoTime();
    enricher.warmUp();
    long end = System.nanoTime();
    LOG.info(
        "Enrichment ready in {} ms (configuration {} ms; language models and analyzers loaded {} ms)",
        (end - start) / 1_000_000,
        (built - start) / 1_000_000,
        (end - built) / 1_000_000);
    return enricher;
  }
}
