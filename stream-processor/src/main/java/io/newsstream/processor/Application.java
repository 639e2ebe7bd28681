package io.newsstream.processor;

import io.micronaut.runtime.Micronaut;

/** Entry point of the stream processor: starts Micronaut, which starts Kafka Streams. */
public final class Application {

  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
