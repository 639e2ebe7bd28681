package io.newsstream.processor;

import io.micronaut.runtime.Micronaut;
import io.newsstream.processor.enrich.LanguageDetector;

/** Entry point of the stream processor: starts Micronaut, which starts Kafka Streams. */
public final class Application {

  private Application() {}

  public static void main(String[] args) {
    LanguageDetector.runLinguaInCallingThreads();
    Micronaut.run(Application.class, args);
  }
}
