package io.newsstream.processor.testing;

import io.newsstream.processor.stage.PipelineMetrics;
import io.newsstream.schemas.avro.DuplicateKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Pipeline metrics for tests: the failed stages in order and the held-probes gauge; the rest ignored. */
public final class RecordingMetrics implements PipelineMetrics {

  private final List<String> failedStages = new CopyOnWriteArrayList<>();
  private final AtomicLong heldProbes = new AtomicLong();

  public List<String> failedStages() {
    return failedStages;
  }

  public long heldProbes() {
    return heldProbes.get();
  }

  @Override
  public void processed() {}

  @Override
  public void failed(String stage) {
    failedStages.add(stage);
  }

  @Override
  public void duplicate(DuplicateKind kind, boolean dropped) {}

  @Override
  public void revision() {}

  @Override
  public void routed(String topic) {}

  @Override
  public void endToEndLag(Duration lag) {}

  @Override
  public void heldProbes(long delta) {
    heldProbes.addAndGet(delta);
  }
}
