package io.newsstream.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Work directories of the harnesses: wiped on start, measured on disk. */
final class WorkDir {

  private WorkDir() {}

  /** Deletes {@code dir} and everything below it, if it exists. */
  static void wipe(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  /** Bytes of all regular files below {@code dir} (0 when it does not exist). */
  static long sizeOf(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).mapToLong(path -> {
        try {
          return Files.size(path);
        } catch (IOException e) {
          return 0; // a RocksDB file removed by compaction while walking
        }
      }).sum();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }
}
