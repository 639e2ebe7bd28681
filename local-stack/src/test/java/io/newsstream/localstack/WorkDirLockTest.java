package io.newsstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirLockTest {

  @TempDir
  Path dir;

  @Test
  void shouldWriteOwnPidIntoLockFile() throws Exception {
    // given
    Path workDir = dir.resolve("work");

    // when
    try (WorkDirLock lock = WorkDirLock.acquire(workDir)) {

      // then
      assertThat(lock.file()).isEqualTo(workDir.resolve("up.lock"));
      assertThat(Files.readString(lock.file()).trim()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
  }

  @Test
  void shouldRefuseSecondOwnerNamingThePidAndHowToStopIt() {
    // given
    try (WorkDirLock first = WorkDirLock.acquire(dir)) {
      String pid = Long.toString(ProcessHandle.current().pid());

      // when / then
      assertThatThrownBy(() -> WorkDirLock.acquire(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("another ./newsstream up (pid " + pid + ") is running on work dir " + dir)
          .hasMessageContaining("Ctrl-C in its terminal, or kill " + pid);
      assertThat(first.file()).exists();
    }
  }

  @Test
  void shouldRemoveLockFileAndLetNextOwnerInWhenClosed() {
    // given
    WorkDirLock first = WorkDirLock.acquire(dir);

    // when
    first.close();

    // then
    assertThat(dir.resolve("up.lock")).doesNotExist();
    try (WorkDirLock second = WorkDirLock.acquire(dir)) {
      assertThat(second.file()).exists();
    }
  }

  @Test
  void shouldTakeOverLockFileLeftByOwnerThatDied() throws Exception {
    // given a lock file whose owner is gone (killed: the operating system dropped its lock)
    Files.writeString(dir.resolve("up.lock"), "999999999\n");

    // when
    try (WorkDirLock lock = WorkDirLock.acquire(dir)) {

      // then
      assertThat(Files.readString(lock.file()).trim()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
  }
}
