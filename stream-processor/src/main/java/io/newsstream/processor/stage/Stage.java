package io.newsstream.processor.stage;

/** Names of the processing stages, as written to {@code DeadLetter.stage} and metric tags. */
public final class Stage {

  public static final String DECODE = "decode";
  public static final String ENRICH = "enrich";
  public static final String DEDUP = "dedup";

  private Stage() {}
}
