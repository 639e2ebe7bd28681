package io.newsstream.ingest;

import io.micronaut.runtime.Micronaut;

/** Entry point of ingest-service: starts the Micronaut HTTP server. */
public final class IngestApplication {

  private IngestApplication() {}

  public static void main(String[] args) {
    Micronaut.run(IngestApplication.class, args);
  }
}
