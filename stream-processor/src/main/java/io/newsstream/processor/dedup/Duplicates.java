package io.newsstream.processor.dedup;

import io.newsstream.schemas.avro.DuplicateDetected;
import io.newsstream.schemas.avro.DuplicateKind;
import io.newsstream.schemas.avro.EnrichedArticle;
import java.time.Instant;

/** Builds the {@link DuplicateDetected} audit record for a submission found to be a duplicate. */
public final class Duplicates {

  private Duplicates() {}

  public static DuplicateDetected report(
      EnrichedArticle dropped,
      String duplicateOf,
      String duplicateOfEventId,
      DuplicateKind kind,
      Integer distance,
      Instant detectedAt) {
    return DuplicateDetected.newBuilder()
        .setArticleId(dropped.getArticleId())
        .setEventId(dropped.getEventId())
        .setCanonicalUrl(dropped.getCanonicalUrl())
        .setTitle(dropped.getTitle())
        .setDuplicateOf(duplicateOf)
        .setDuplicateOfEventId(duplicateOfEventId)
        .setKind(kind)
        .setDistance(distance)
        .setDetectedAt(detectedAt)
        .build();
  }
}
