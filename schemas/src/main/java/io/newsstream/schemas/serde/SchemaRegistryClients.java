package io.newsstream.schemas.serde;

/** Creates the registry client a serde configuration asks for. */
public final class SchemaRegistryClients {

  private static final String MOCK_PREFIX = "mock://";

  private SchemaRegistryClients() {}

  public static SchemaRegistryClient create(AvroSerdeConfig config) {
    String url = config.registryUrl();
    if (url.startsWith(MOCK_PREFIX)) {
      return InMemorySchemaRegistryClient.forScope(url.substring(MOCK_PREFIX.length()));
    }
    return new RestSchemaRegistryClient(url, config.requestTimeout());
  }
}
