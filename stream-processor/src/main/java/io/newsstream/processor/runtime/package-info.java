/**
 * The running application around the topology: Micronaut wiring that creates the topics, starts
 * and closes Kafka Streams ({@link io.newsstream.processor.runtime.StreamsRunner}), reports its
 * state as health, binds the pipeline counters and Kafka Streams' own metrics to Micrometer, and
 * builds the enricher from configuration. No processing logic lives here.
 */
package io.newsstream.processor.runtime;
