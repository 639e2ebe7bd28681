package io.newsstream.benchmarks;

/**
 * The outcome of one measured ingest scenario.
 *
 * @param name what was sent, e.g. {@code single POST} or {@code batch 1000 (NDJSON)}
 * @param clients concurrent HTTP clients
 * @param requests requests answered
 * @param articles articles the service accepted (202, or accepted within a 207)
 * @param failedRequests requests that got another status or no answer
 * @param rejectedArticles articles of batch answers that were not accepted
 * @param seconds wall-clock time of the scenario
 * @param requestBytes bytes of request bodies sent
 * @param latency per-request latency (a batch request is one sample)
 * @param ingestCpuSeconds CPU time ingest-service used during the scenario
 * @param brokerCpuSeconds CPU time the broker used during the scenario
 * @param clientCpuSeconds CPU time this harness (the HTTP clients) used during the scenario
 * @param timeBounded whether the time bound stopped it before every planned request was sent
 */
record ScenarioResult(String name, int clients, long requests, long articles, long failedRequests,
    long rejectedArticles, double seconds, long requestBytes, LatencyStats latency, double ingestCpuSeconds,
    double brokerCpuSeconds, double clientCpuSeconds, boolean timeBounded) {

  double articlesPerSecond() {
    return seconds > 0 ? articles / seconds : 0;
  }

  /** Request body throughput in MB/s (2^20 bytes, as ProducerPerformance counts). */
  double megabytesPerSecond() {
    return seconds > 0 ? requestBytes / seconds / (1024.0 * 1024.0) : 0;
  }

  /** Accepted articles per CPU-second of ingest-service. */
  double articlesPerIngestCpuSecond() {
    return ingestCpuSeconds > 0 ? articles / ingestCpuSeconds : 0;
  }
}
