package io.newsstream.ingest.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * API key authentication, under {@value #PREFIX}.
 *
 * <p>Each entry of {@code api-keys} is {@code client:sha256hex} or {@code
 * client:sha256hex:disabled}, where {@code sha256hex} is the lower- or upper-case hex SHA-256
 * of the key's UTF-8 bytes (for example {@code printf %s "$KEY" | sha256sum}). The environment
 * variable {@code NEWSSTREAM_INGEST_API_KEYS} sets the list as comma-separated entries.
 */
@ConfigurationProperties(AuthConfiguration.PREFIX)
public class AuthConfiguration {

  public static final String PREFIX = "newsstream.ingest.auth";

  /** Require an API key on /v1/**. When false every request is from {@code anonymous-client}. Default true. */
  private boolean enabled = true;

  /** Hashed keys, {@code client:sha256hex[:disabled]}. Default none (every request gets 401). */
  private List<String> apiKeys = new ArrayList<>();

  /** Header that carries the key; {@code Authorization: Bearer <key>} is accepted too. Default X-API-Key. */
  private String header = "X-API-Key";

  /** submittedBy of requests when authentication is disabled. Default {@code anonymous}. */
  private String anonymousClient = "anonymous";

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public List<String> getApiKeys() {
    return apiKeys;
  }

  public void setApiKeys(List<String> apiKeys) {
    this.apiKeys = apiKeys == null ? new ArrayList<>() : apiKeys;
  }

  public String getHeader() {
    return header;
  }

  public void setHeader(String header) {
    this.header = header;
  }

  public String getAnonymousClient() {
    return anonymousClient;
  }

  public void setAnonymousClient(String anonymousClient) {
    this.anonymousClient = anonymousClient;
  }
}
