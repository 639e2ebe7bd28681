package io.newsstream.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import one.profiler.AsyncProfiler;
import one.profiler.Counter;

/**
 * async-profiler in this JVM (its native library comes in its jar): CPU samples of every thread
 * with native frames, from perf events where the kernel allows them, otherwise from an interval
 * timer.
 */
final class Profiler {

  private final AsyncProfiler profiler;
  private final String event;

  private Profiler(AsyncProfiler profiler, String event) {
    this.profiler = profiler;
    this.event = event;
  }

  static Profiler start() throws IOException {
    AsyncProfiler profiler = AsyncProfiler.getInstance();
    try {
      profiler.execute("start,event=cpu,interval=2ms,threads");
      return new Profiler(profiler, "cpu, 2 ms");
    } catch (IllegalStateException | IOException e) {
      // perf events not allowed here (perf_event_paranoid, containers): a timer still samples CPU time
      profiler.execute("start,event=itimer,interval=2ms,threads");
      return new Profiler(profiler, "itimer, 2 ms");
    }
  }

  String event() {
    return event;
  }

  /** Stops sampling, writes the collapsed stacks to {@code file} and returns them. */
  String stop(Path file) throws IOException {
    profiler.stop();
    String stacks = profiler.dumpCollapsed(Counter.SAMPLES);
    Files.writeString(file, stacks);
    return stacks;
  }
}
