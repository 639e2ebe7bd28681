package io.newsstream.processor.dedup;

import java.util.regex.Pattern;

/**
 * Recognises an article that announces itself as a correction: its title starts with {@code
 * CORRECTED}, {@code CORRECTION} or {@code CORRECTING} (any case, after opening punctuation such
 * as {@code (} or {@code [}; Reuters writes {@code CORRECTED - BANKAMERICA ...}, others {@code
 * Correction: ...}).
 *
 * <p>A correction changes a figure, a name or a date in a few words, so by text alone it is a
 * light edit (SimHash) or a near copy (containment) of the version it corrects. Yet the
 * uncorrected version is what consumers already have, so a correction is never a near-duplicate:
 * under the same URL it is a new revision, under another URL it is dropped only for the same
 * content. Stateless and thread-safe.
 */
public final class Corrections {

  private static final Pattern NOTICE =
      Pattern.compile("^[\\p{Punct}\\s]*(?:corrected|correction|correcting)\\b", Pattern.CASE_INSENSITIVE);

  private Corrections() {}

  /** True when the (cleaned) title announces a correction. */
  public static boolean isCorrection(CharSequence title) {
    return title != null && NOTICE.matcher(title).find();
  }
}
