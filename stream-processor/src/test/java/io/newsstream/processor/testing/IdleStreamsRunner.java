package io.newsstream.processor.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.newsstream.processor.enrich.ArticleEnricher;
import io.newsstream.processor.enrich.EnrichmentConfig;
import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.runtime.MicrometerPipelineMetrics;
import io.newsstream.processor.runtime.StreamsRunner;
import jakarta.inject.Singleton;

/**
 * Stands in for {@link StreamsRunner} in an application context started with {@code
 * test.streams-runner=off}: the beans are wired and configured, but nothing connects to Kafka.
 */
@Singleton
@Replaces(StreamsRunner.class)
@Requires(property = "test.streams-runner", value = "off")
public class IdleStreamsRunner extends StreamsRunner {

  public IdleStreamsRunner(
      ProcessorConfig config,
      EnrichmentConfig enrichmentConfig,
      ArticleEnricher enricher,
      MicrometerPipelineMetrics metrics,
      MeterRegistry registry) {
    super(config, enrichmentConfig, enricher, metrics, registry);
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    // Kafka Streams is not started.
  }
}
