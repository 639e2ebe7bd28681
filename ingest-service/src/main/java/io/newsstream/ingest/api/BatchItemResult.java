package io.newsstream.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.newsstream.ingest.validate.Violation;
import java.util.List;

/**
 * The outcome of one batch item, in request order.
 *
 * @param index zero-based position of the item in the batch
 * @param status 202 accepted, 400 invalid, 413 too large for the topic, 503 Kafka unavailable
 * @param id the item's {@code id} field, echoed back when given
 * @param eventId the published event's id (accepted items only)
 * @param topic where it was written (accepted items only)
 * @param partition where it was written (accepted items only)
 * @param offset where it was written (accepted items only)
 * @param errors what was wrong (rejected items only)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchItemResult(
    int index,
    int status,
    String id,
    String eventId,
    String topic,
    Integer partition,
    Long offset,
    List<Violation> errors) {

  static BatchItemResult rejected(int index, int status, String id, List<Violation> errors) {
    return new BatchItemResult(index, status, id, null, null, null, null, errors);
  }
}
