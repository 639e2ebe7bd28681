package io.newsstream.processor.enrich.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.processor.enrich.ArticleInput;
import io.newsstream.processor.enrich.DefaultArticleEnricher;
import io.newsstream.processor.enrich.EnrichmentConfig;
import io.newsstream.processor.enrich.LanguageDetector;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures articles per second of {@link DefaultArticleEnricher} alone (no Kafka) on Reuters
 * articles: a warm-up pass, then two rounds of timed passes with 1 and N threads sharing one
 * enricher, and the heap in use afterwards. Besides wall-clock articles/s it prints articles per
 * CPU-second of this process, which other load on the machine does not distort. A harness, not
 * a test.
 *
 * <p>Usage: {@code EnrichmentThroughput <reuters21578.jsonl> [articles=5000] [threads=2]}
 */
public final class EnrichmentThroughput {

  private EnrichmentThroughput() {}

  public static void main(String[] args) throws Exception {
    // As the processor runs it (Application.main).
    LanguageDetector.runLinguaInCallingThreads();
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/reuters21578.jsonl");
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    List<ArticleInput> inputs = read(corpus, limit);
    long start = System.nanoTime();
    DefaultArticleEnricher enricher = new DefaultArticleEnricher(EnrichmentConfig.defaults());
    enricher.enrich(inputs.get(0));
    System.out.printf("first article (models loaded): %.0f ms%n", (System.nanoTime() - start) / 1e6);
    run(enricher, inputs, threads, "warm-up");
    // Alternate a few times: the JIT keeps compiling during the first passes.
    for (int round = 0; round < 2; round++) {
      run(enricher, inputs, 1, "1 thread");
      run(enricher, inputs, threads, threads + " threads");
    }
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.printf(
        "heap in use after GC: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
  }

  private static void run(
      DefaultArticleEnricher enricher, List<ArticleInput> inputs, int threads, String label)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    long words = 0;
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    List<Future<Long>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                long w = 0;
                int i;
                while ((i = next.getAndIncrement()) < inputs.size()) {
                  w += enricher.enrich(inputs.get(i)).wordCount();
                }
                return w;
              }));
    }
    for (Future<Long> f : futures) {
      words += f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    pool.shutdown();
    System.out.printf(
        "%-10s %6d articles in %6.2f s = %7.0f articles/s; %6.2f CPU-s = %7.0f articles per"
            + " CPU-second (%d words)%n",
        label, inputs.size(), seconds, inputs.size() / seconds, cpuSeconds,
        inputs.size() / cpuSeconds, words);
  }

  /** CPU time of the whole process (all threads), so that other load on the machine does not count. */
  private static long processCpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0L;
  }

  private static List<ArticleInput> read(Path corpus, int limit) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<ArticleInput> inputs = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null && inputs.size() < limit) {
        JsonNode doc = mapper.readTree(line);
        inputs.add(
            new ArticleInput(
                doc.path("url").asText(),
                doc.path("title").asText(""),
                doc.path("body").asText(""),
                null));
      }
    }
    return inputs;
  }
}
