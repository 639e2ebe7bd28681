package io.newsstream.benchmarks;

import io.newsstream.processor.runtime.ThreadStacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every thread of this JVM with its whole stack, the lock it waits for and its owner, and the
 * monitors and locks it holds ({@link ThreadStacks}), written to a file, so a run that stops
 * producing output says where its threads are.
 */
final class ThreadDump {

  private ThreadDump() {}

  /** Writes the dump to {@code file}. */
  static void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, ThreadStacks.all());
  }
}
