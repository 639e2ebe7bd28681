/**
 * The Kafka Streams topology: {@link io.newsstream.processor.topology.TopologyFactory} wires
 * decode and enrichment, the dedup steps and routing into one {@code Topology} (and the
 * passthrough baseline for benchmarks); {@link
 * io.newsstream.processor.topology.DecodeEnrichProcessor} turns raw bytes into enriched articles
 * and sends poison records to the dead-letter topic.
 */
package io.newsstream.processor.topology;
