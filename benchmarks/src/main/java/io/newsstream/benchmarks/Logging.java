package io.newsstream.benchmarks;

/**
 * Points logback (which stream-processor brings onto the classpath) at the harnesses' own quiet
 * configuration, {@code logback-bench.xml}, unless one was chosen on the command line. Called from
 * the harnesses' static initialisers, before any logger exists.
 */
final class Logging {

  private Logging() {}

  static void configure() {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "logback-bench.xml");
    }
  }
}
