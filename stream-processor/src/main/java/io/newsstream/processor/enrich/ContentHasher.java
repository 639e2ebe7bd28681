package io.newsstream.processor.enrich;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 (64 hex digits) of an article's normalised title and cleaned body: equal hashes mean
 * the same text. Before hashing, typographic variants that carry no content are made equal:
 * curly single and double quotes become {@code '} and {@code "}, dashes and minus signs become
 * {@code -}, the ellipsis becomes {@code ...}, and every run of whitespace (paragraph breaks
 * included) becomes one space. Case and words are kept, so any edit to the wording changes the
 * hash. Thread-safe.
 */
public final class ContentHasher {

  /** Hex SHA-256 of the normalised title and body. */
  public String hash(String title, String body) {
    String text = normalize(title) + "\n" + normalize(body);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }

  /** The text as it is hashed. */
  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > ' ' && c < 0x7F && c != '`') {
        // printable ASCII other than the backquote is kept as it is, and most of the text
        if (pendingSpace) {
          sb.append(' ');
          pendingSpace = false;
        }
        sb.append(c);
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pendingSpace = sb.length() > 0;
        continue;
      }
      if (pendingSpace) {
        sb.append(' ');
        pendingSpace = false;
      }
      switch (c) {
        case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '`' -> sb.append('\'');
        case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> sb.append('"');
        case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> sb.append('-');
        case '\u2026' -> sb.append("...");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
