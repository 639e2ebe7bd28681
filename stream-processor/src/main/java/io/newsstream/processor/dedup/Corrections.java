package io.newsstream.processor.dedup;

import java.util.regex.Pattern;

/**
 * Recognises an article that announces itself as a correction: its title starts with {@code
 * CORRECTED}, {@code CORRECTION} or {@code CORRECTING}, after opening punctuation such as {@code
 * (} or {@code [}, either in capitals as wires write it ({@code CORRECTED - BANKAMERICA ...},
 * {@code CORRECTED SINGAPORE ...}) or in any case followed by a separator ({@code Correction:
 * ...}, {@code [Corrected] ...}). A title that only starts with the word ({@code Correction
 * facility opens}) is not a correction.
 *
 * <p>A correction changes a figure, a name or a date in a few words, so by text alone it is a
 * light edit (SimHash) or a near copy (containment) of the version it corrects. Yet the
 * uncorrected version is what consumers already have, so a correction is never a near-duplicate:
 * under the same URL it is a new revision, under another URL it is dropped only for the same
 * content. Stateless and thread-safe.
 */
public final class Corrections {

  private static final Pattern WIRE_NOTICE = Pattern.compile("^[\\p{Punct}\\s]*(?:CORRECTED|CORRECTION|CORRECTING)\\b");
  private static final Pattern NOTICE =
      Pattern.compile("^[\\p{Punct}\\s]*(?:corrected|correction|correcting)\\s*[-\u2013\u2014:|)\\]]", Pattern.CASE_INSENSITIVE);

  private Corrections() {}

  /** True when the (cleaned) title announces a correction. */
  public static boolean isCorrection(CharSequence title) {
    return title != null && (WIRE_NOTICE.matcher(title).find() || NOTICE.matcher(title).find());
  }
}
