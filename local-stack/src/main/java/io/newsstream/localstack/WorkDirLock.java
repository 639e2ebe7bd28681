package io.newsstream.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Proof that one run command owns a work directory: an exclusive lock on {@code <work dir>/up.lock},
 * which also holds the owner's pid.
 *
 * <p>Taken before anything in the directory is touched, so a second {@code ./newsstream up} (with
 * {@code --clean} or {@code --ephemeral} too) on the same directory is refused instead of wiping the
 * data of the one that runs. The operating system drops the lock when its process ends however it
 * ends, so a lock file left behind by a killed run never blocks the next one. {@code ./newsstream
 * clean} reads the pid from the file and refuses while that process is a live run command.
 */
public final class WorkDirLock implements AutoCloseable {

  static final String FILE_NAME = "up.lock";

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private WorkDirLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code workDir} (creating it) for this process and writes its pid into the lock file.
   *
   * @throws IllegalStateException when another process holds the lock, naming its pid and how to stop it
   */
  public static WorkDirLock acquire(Path workDir) {
    Path file = workDir.resolve(FILE_NAME);
    FileChannel channel = null;
    try {
      Files.createDirectories(workDir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this JVM already
      }
      if (lock == null) {
        String owner = ownerPid(file);
        channel.close();
        throw new IllegalStateException("another ./newsstream up" + (owner.isEmpty() ? "" : " (pid " + owner + ")")
            + " is running on work dir " + workDir + "; stop it first (Ctrl-C in its terminal, or kill "
            + (owner.isEmpty() ? "<pid>" : owner) + "), or give this one another --work-dir");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      channel.force(false);
      return new WorkDirLock(file, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot lock work directory " + workDir + " (" + file + ")", e);
    }
  }

  /** The pid written into {@code file}, or empty when it cannot be read. */
  static String ownerPid(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      return "";
    }
  }

  public Path file() {
    return file;
  }

  /** Removes the lock file and releases the lock. Idempotent. */
  @Override
  public void close() {
    if (!channel.isOpen()) {
      return;
    }
    try {
      // Removed while still held, so no one reads a pid that is no longer an owner.
      Files.deleteIfExists(file);
      lock.release();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release " + file, e);
    } finally {
      closeQuietly(channel);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
    }
  }
}
