package io.newsstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevApiKeyTest {

  @TempDir Path workDir;

  @Test
  void shouldCreateKeyOnceAndReuseItAcrossStarts() throws Exception {
    // given
    DevApiKey first = DevApiKey.loadOrCreate(workDir);

    // when
    DevApiKey second = DevApiKey.loadOrCreate(workDir);

    // then
    assertThat(first.key()).startsWith("ns_dev_").hasSizeGreaterThan(30);
    assertThat(second.key()).isEqualTo(first.key());
    Path file = workDir.resolve(DevApiKey.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void shouldHandServiceOnlyTheHashOfTheKey() throws Exception {
    // given
    DevApiKey key = DevApiKey.loadOrCreate(workDir);
    String expectedHash = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(key.key().getBytes(StandardCharsets.UTF_8)));

    // when
    String entry = key.hashedEntry();

    // then
    assertThat(entry).isEqualTo("dev:" + expectedHash).doesNotContain(key.key());
    assertThat(key.toString()).doesNotContain(key.key());
  }
}
