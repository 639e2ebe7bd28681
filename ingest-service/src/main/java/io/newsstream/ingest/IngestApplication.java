package io.newsstream.ingest;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Entry point of ingest-service: starts the Micronaut HTTP server. */
@OpenAPIDefinition(
    info = @Info(
        title = "Newsstream ingest-service",
        version = "0.1.0",
        description = "Front door for scrapers: submit articles as JSON, NDJSON or scraper markdown. A 202 means the"
            + " Kafka broker acknowledged the article's event on articles.raw. Errors are RFC 9457"
            + " application/problem+json."),
    security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(
    name = "apiKey",
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.HEADER,
    paramName = "X-API-Key",
    description = "API key of the client (Authorization: Bearer <key> is accepted too).")
public final class IngestApplication {

  private IngestApplication() {}

  public static void main(String[] args) {
    Micronaut.run(IngestApplication.class, args);
  }
}
