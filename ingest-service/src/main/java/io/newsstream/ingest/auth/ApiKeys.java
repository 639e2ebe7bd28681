package io.newsstream.ingest.auth;

import io.micronaut.context.annotation.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured API keys, held as SHA-256 hashes. {@link #lookup} hashes a presented key and
 * compares it with every configured hash in constant time (no early exit, {@link
 * MessageDigest#isEqual}), so response timing says nothing about how close a guess was.
 * Neither keys nor hashes are ever logged. Created when the service starts ({@link Context}), so
 * a malformed entry stops the start and the keys loaded, or the warning that there are none,
 * are logged then rather than at the first request.
 */
@Context
public class ApiKeys {

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

  /** A configured client. */
  public record Client(String name, byte[] hash, boolean disabled) {}

  private final List<Client> clients;

  public ApiKeys(AuthConfiguration config) {
    this.clients = parse(config.getApiKeys());
    if (config.isEnabled() && clients.isEmpty()) {
      LOG.warn("Authentication is enabled but no API keys are configured ({}.api-keys or NEWSSTREAM_INGEST_API_KEYS):"
          + " every request to /v1 will be refused with 401", AuthConfiguration.PREFIX);
    } else {
      LOG.info("Loaded {} API key(s) for clients {}", clients.size(), clients.stream().map(Client::name).toList());
    }
  }

  static List<Client> parse(List<String> entries) {
    List<Client> out = new ArrayList<>();
    for (String raw : entries) {
      // One property may itself hold a comma-separated list (the env var form).
      for (String entry : raw.split(",")) {
        String e = entry.strip();
        if (e.isEmpty()) {
          continue;
        }
        String[] parts = e.split(":");
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank()) {
          throw new IllegalArgumentException(
              AuthConfiguration.PREFIX + ".api-keys: each entry must be client:sha256hex[:disabled]");
        }
        String hex = parts[1].strip().toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
          throw new IllegalArgumentException(AuthConfiguration.PREFIX + ".api-keys: the hash of client '"
              + parts[0].strip() + "' must be 64 hex digits (SHA-256)");
        }
        boolean disabled = parts.length == 3 && parts[2].strip().equalsIgnoreCase("disabled");
        if (parts.length == 3 && !disabled) {
          throw new IllegalArgumentException(AuthConfiguration.PREFIX + ".api-keys: the third part of client '"
              + parts[0].strip() + "' may only be 'disabled'");
        }
        out.add(new Client(parts[0].strip(), HexFormat.of().parseHex(hex), disabled));
      }
    }
    return List.copyOf(out);
  }

  /** The client a presented key belongs to, if any. */
  public Optional<Client> lookup(String presentedKey) {
    byte[] hash = sha256(presentedKey);
    Client match = null;
    for (Client c : clients) {
      // Compare against every entry, without stopping at the first match.
      if (MessageDigest.isEqual(hash, c.hash()) && match == null) {
        match = c;
      }
    }
    return Optional.ofNullable(match);
  }

  public static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** Hex SHA-256 of a key, the form {@code api-keys} entries use. */
  public static String sha256Hex(String key) {
    return HexFormat.of().formatHex(sha256(key));
  }
}
