/**
 * Throughput harnesses, run as mains by {@code ./newsstream bench}, never by the test suite. {@link
 * io.newsstream.benchmarks.IngestBenchmark} starts its own broker, registry and ingest-service (from
 * its runnable jar) and drives the service over HTTP with Reuters articles, next to Kafka's own
 * {@code ProducerPerformance} on the same broker; {@link io.newsstream.benchmarks.ProcessorBenchmark}
 * pre-loads articles into a topic and runs the real stream-processor topology and a passthrough
 * topology over them in this JVM. The other classes are their shared parts: corpus loading,
 * latency statistics, command-line options and the printed tables. Figures and how to read them
 * are in {@code docs/benchmarks.md}.
 */
package io.newsstream.benchmarks;
