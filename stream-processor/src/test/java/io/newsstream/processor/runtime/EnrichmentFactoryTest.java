package io.newsstream.processor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.newsstream.processor.enrich.EnrichmentConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichmentFactoryTest {

  /** Values given the way environment variables are: ENRICH_LANGUAGE_LANGUAGES=en,de. */
  private static PropertySource environmentVariables(Map<String, Object> variables) {
    return PropertySource.of("test-environment-variables", variables, PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
  }

  /** The configuration the factory builds from an environment of these sources, no beans started. */
  private static EnrichmentConfig configOf(PropertySource... sources) {
    Environment environment = ApplicationContext.builder().propertySources(sources).build().getEnvironment();
    environment.start();
    try {
      return new EnrichmentFactory().enrichmentConfig(environment);
    } finally {
      environment.stop();
    }
  }

  @Test
  void shouldReadEnrichmentSettingsFromEnvironmentVariables() {
    // given
    Map<String, Object> variables =
        Map.of(
            "ENRICH_LANGUAGE_LANGUAGES", "en,de",
            "ENRICH_URL_KEEP_WWW", "false",
            "ENRICH_TOPICS_CLIMATE_TERMS", "climate:2,emission*:1",
            "ENRICH_TOPICS_REAL_ESTATE_TERMS", "housing:2");

    // when
    EnrichmentConfig config = configOf(environmentVariables(variables));

    // then
    assertThat(config.languages()).containsExactly("en", "de");
    assertThat(config.keepWww()).isFalse();
    assertThat(config.taxonomy().get("climate")).containsEntry("climate", 2.0).containsEntry("emission*", 1.0);
    assertThat(config.taxonomy().get("real-estate")).containsEntry("housing", 2.0);
    assertThat(config.topicNames()).contains("politics", "climate", "real-estate");
  }

  @Test
  void shouldKeepSettingsOfTheApplicationFileBesideThoseOfEnvironmentVariables() {
    // given
    PropertySource file =
        PropertySource.of(
            "test-application-yml",
            Map.of("enrich.keywords.max", "5", "enrich.furniture.domain.example.com.1", "Subscribe to .*", "enrich.topics.budget.terms", "budget:2"));
    PropertySource variables = environmentVariables(Map.of("ENRICH_ENTITIES_MAX", "8"));

    // when
    EnrichmentConfig config = configOf(file, variables);

    // then
    assertThat(config.maxKeywords()).isEqualTo(5);
    assertThat(config.maxEntities()).isEqualTo(8);
    assertThat(config.furnitureFor("example.com")).extracting(java.util.regex.Pattern::pattern).containsExactly("Subscribe to .*");
    assertThat(config.taxonomy().get("budget")).containsEntry("budget", 2.0);
  }
}
