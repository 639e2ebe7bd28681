package io.newsstream.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The development API key of the run command: created at random on the first start, kept in
 * {@code <work dir>/dev-api-key} (owner-readable only) so it stays the same across restarts, and
 * handed to ingest-service as a hash ({@code NEWSSTREAM_INGEST_API_KEYS=dev:<sha256 hex>}), the
 * only form the service stores.
 */
public record DevApiKey(String client, String key) {

  static final String FILE_NAME = "dev-api-key";
  static final String CLIENT = "dev";

  /** Reads the key from {@code workDir}, creating it on first use. */
  public static DevApiKey loadOrCreate(Path workDir) {
    Path file = workDir.resolve(FILE_NAME);
    try {
      if (Files.isRegularFile(file)) {
        String key = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!key.isEmpty()) {
          return new DevApiKey(CLIENT, key);
        }
      }
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String key = "ns_dev_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.createDirectories(workDir);
      Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the file keeps the default permissions.
      }
      return new DevApiKey(CLIENT, key);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the development API key in " + file, e);
    }
  }

  /** The entry ingest-service's {@code NEWSSTREAM_INGEST_API_KEYS} takes: {@code client:sha256hex}. */
  public String hashedEntry() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return client + ":" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "DevApiKey[client=" + client + "]";
  }
}
