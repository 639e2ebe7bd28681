package io.newsstream.schemas.config;

import java.time.Duration;

/** Durations in the services' messages as a person writes them, not ISO-8601 ({@code PT30S}). */
public final class Durations {

  private static final long DAY_MS = 86_400_000L;
  private static final long HOUR_MS = 3_600_000L;
  private static final long MINUTE_MS = 60_000L;

  private Durations() {}

  /**
   * {@code 7 d}, {@code 24 h}, {@code 90 min}, {@code 30 s}, {@code 250 ms} or {@code -24 h}: the
   * largest unit that divides it (days from two on, since a day reads better as 24 h); null as
   * {@code null}.
   */
  public static String readable(Duration duration) {
    if (duration == null) {
      return "null";
    }
    long ms = duration.toMillis();
    long abs = Math.abs(ms);
    if (abs > DAY_MS && abs % DAY_MS == 0) {
      return ms / DAY_MS + " d";
    }
    if (abs != 0 && abs % HOUR_MS == 0) {
      return ms / HOUR_MS + " h";
    }
    if (abs != 0 && abs % MINUTE_MS == 0) {
      return ms / MINUTE_MS + " min";
    }
    return abs % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }
}
