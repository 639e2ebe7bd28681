package io.newsstream.processor.testing;

import io.newsstream.localstack.LocalStack;
import io.newsstream.processor.config.ProcessorConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a processor on the shared local stack whose application id and topics all start
 * with a namespace of the test's own, so that tests never see each other's records or groups.
 */
public final class Namespaced {

  private Namespaced() {}

  /** As {@code newsstream.processor.*} properties for a Micronaut application context (free HTTP port). */
  public static Map<String, Object> properties(LocalStack stack, String ns, Path stateDir) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("micronaut.server.port", -1);
    props.put("newsstream.processor.bootstrap-servers", stack.bootstrapServers());
    props.put("newsstream.processor.schema-registry-url", stack.schemaRegistryUrl());
    props.put("newsstream.processor.state-dir", stateDir.toString());
    props.put("newsstream.processor.application-id", ns + "-processor");
    props.put("newsstream.processor.raw-topic", ns + ".articles.raw");
    props.put("newsstream.processor.enriched-topic", ns + ".articles.enriched");
    props.put("newsstream.processor.duplicates-topic", ns + ".articles.duplicates");
    props.put("newsstream.processor.dead-letter-topic", ns + ".articles.dlq");
    props.put("newsstream.processor.topic-stream-prefix", ns + ".articles.topic.");
    return props;
  }

  /** As a {@link ProcessorConfig}, for tests that build the topology themselves. */
  public static ProcessorConfig config(LocalStack stack, String ns, Path stateDir) {
    ProcessorConfig config = new ProcessorConfig();
    config.setBootstrapServers(stack.bootstrapServers());
    config.setSchemaRegistryUrl(stack.schemaRegistryUrl());
    config.setApplicationId(ns + "-processor");
    config.setStateDir(stateDir);
    config.setRawTopic(ns + ".articles.raw");
    config.setEnrichedTopic(ns + ".articles.enriched");
    config.setDuplicatesTopic(ns + ".articles.duplicates");
    config.setDeadLetterTopic(ns + ".articles.dlq");
    config.setTopicStreamPrefix(ns + ".articles.topic.");
    return config;
  }
}
