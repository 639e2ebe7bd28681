package io.newsstream.schemas.url;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a submitted URL into the canonical URL that identifies one article, and derives the
 * article id from it.
 *
 * <p>Rules: scheme and host lower-cased (host converted to its ASCII form), a leading {@code
 * www.} kept or stripped as configured, user info dropped, default ports (80 for http, 443 for
 * https) removed, dot segments resolved, an empty path becomes {@code /}, the fragment removed,
 * tracking parameters removed (names compared case-insensitively, {@code utm_*} style prefixes),
 * empty parameters removed, and the remaining parameters sorted by name, then value, keeping
 * their original encoding. Spaces and other characters that may not appear unescaped in a URI
 * are percent-encoded. Only absolute http and https URLs are accepted. An internationalised
 * host name is accepted and converted to its ASCII (punycode) form ({@link #withAsciiHost}).
 *
 * <p>ingest-service keys {@code articles.raw} by the canonical URL of {@link #DEFAULT}, and the
 * stream processor identifies and places articles by the canonical URL of its configured
 * instance (the same rules by default), so that an article is read in the partition where it is
 * deduplicated.
 *
 * <p>The article id is the first 16 bytes (32 hex digits) of the SHA-256 of the canonical URL
 * in UTF-8: stable across processes and releases, and 128 bits make collisions negligible.
 * Thread-safe.
 */
public final class UrlCanonicalizer {

  /** Whether a leading {@code www.} is kept by default (it can name another site). */
  public static final boolean DEFAULT_KEEP_WWW = true;

  /** Query parameters removed by default; a trailing {@code *} matches a prefix. */
  public static final String DEFAULT_TRACKING_PARAMETERS =
      "utm_*,fbclid,gclid,gclsrc,dclid,msclkid,yclid,twclid,igshid,mc_cid,mc_eid,_ga,_gl,_hsenc,"
          + "_hsmi,mkt_tok,ref_src,ref_url,cmpid,ncid,ocid,sr_share,at_medium,at_campaign,"
          + "spm,vero_id,wt_mc,rss,track";

  /** The default rules. */
  public static final UrlCanonicalizer DEFAULT =
      new UrlCanonicalizer(DEFAULT_KEEP_WWW, parseParameters(DEFAULT_TRACKING_PARAMETERS));

  private final boolean keepWww;
  private final List<String> exactParameters;
  private final List<String> prefixParameters;

  public UrlCanonicalizer(boolean keepWww, Set<String> trackingParameters) {
    this.keepWww = keepWww;
    List<String> exact = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    for (String name : trackingParameters) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith("*")) {
        prefixes.add(lower.substring(0, lower.length() - 1));
      } else {
        exact.add(lower);
      }
    }
    this.exactParameters = List.copyOf(exact);
    this.prefixParameters = List.copyOf(prefixes);
  }

  /** The names of a comma-separated list, trimmed, empty ones skipped, in their order. */
  public static Set<String> parseParameters(String commaSeparated) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : commaSeparated.split(",")) {
      if (!name.isBlank()) {
        names.add(name.strip());
      }
    }
    return Collections.unmodifiableSet(names);
  }

  /**
   * The canonical form of the URL.
   *
   * @throws IllegalArgumentException if the URL is missing, does not parse, is not absolute
   *     http(s) or has no host
   */
  public String canonicalize(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("URL is missing");
    }
    URI uri;
    String ascii = withAsciiHost(url.strip());
    try {
      uri = new URI(ascii);
    } catch (URISyntaxException e) {
      try {
        // Scrapers copy URLs as browsers show them, with spaces and other unescaped characters.
        uri = new URI(escapeIllegal(ascii));
      } catch (URISyntaxException again) {
        throw new IllegalArgumentException("URL does not parse: " + e.getMessage(), e);
      }
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("URL is not absolute http(s): " + url);
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("URL has no host: " + url);
    }
    host = asciiHost(host);
    if (!keepWww && host.startsWith("www.") && host.length() > 4) {
      host = host.substring(4);
    }
    int port = uri.getPort();
    boolean defaultPort =
        port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);

    StringBuilder sb = new StringBuilder(url.length());
    sb.append(scheme).append("://").append(host);
    if (!defaultPort) {
      sb.append(':').append(port);
    }
    sb.append(normalizePath(uri.getRawPath()));
    String query = canonicalQuery(uri.getRawQuery());
    if (!query.isEmpty()) {
      sb.append('?').append(query);
    }
    return sb.toString();
  }

  /**
   * The URL with an internationalised host name (such as {@code bücher.example}) in its ASCII
   * form ({@code xn--bcher-kva.example}) and everything else as it came; a URL that has no
   * {@code scheme://} authority or whose host is ASCII already comes back unchanged. {@link URI}
   * finds no host in an authority with non-ASCII characters, so this is what lets it parse such
   * a URL's host, user info and port.
   *
   * @throws IllegalArgumentException if the host is not a valid domain name
   */
  public static String withAsciiHost(String url) {
    int schemeEnd = url.indexOf("://");
    if (schemeEnd <= 0 || !isScheme(url.substring(0, schemeEnd))) {
      return url;
    }
    int start = schemeEnd + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    int at = url.lastIndexOf('@', end - 1);
    int hostStart = at >= start ? at + 1 : start;
    if (hostStart < end && url.charAt(hostStart) == '[') {
      return url; // IPv6 literal
    }
    int colon = url.indexOf(':', hostStart);
    int hostEnd = colon >= 0 && colon < end ? colon : end;
    String host = url.substring(hostStart, hostEnd);
    if (isAscii(host)) {
      return url;
    }
    String ascii;
    try {
      ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("URL host is not a valid domain name: " + host, e);
    }
    return url.substring(0, hostStart) + ascii + url.substring(hostEnd);
  }

  private static boolean isScheme(String s) {
    if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** The registrable host of an already canonical URL. */
  public static String hostOf(String canonicalUrl) {
    return URI.create(canonicalUrl).getHost();
  }

  /** 32 hex digits: the first 16 bytes of SHA-256 over the canonical URL. */
  public static String articleId(String canonicalUrl) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }

  private static String asciiHost(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".")) {
      lower = lower.substring(0, lower.length() - 1);
    }
    if (lower.startsWith("[") || isAscii(lower)) {
      return lower; // IPv6 literal, or nothing for IDN to convert
    }
    try {
      return IDN.toASCII(lower, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("URL host is not a valid domain name: " + host, e);
    }
  }

  private static String escapeIllegal(String url) {
    StringBuilder sb = new StringBuilder(url.length() + 16);
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      switch (c) {
        case ' ' -> sb.append("%20");
        case '"' -> sb.append("%22");
        case '<' -> sb.append("%3C");
        case '>' -> sb.append("%3E");
        case '\\' -> sb.append("%5C");
        case '^' -> sb.append("%5E");
        case '`' -> sb.append("%60");
        case '{' -> sb.append("%7B");
        case '|' -> sb.append("%7C");
        case '}' -> sb.append("%7D");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static String normalizePath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    String path = URI.create("http://h" + rawPath).normalize().getRawPath();
    // normalize() keeps leading ".." segments of an absolute path; they mean nothing there.
    while (path.startsWith("/../")) {
      path = path.substring(3);
    }
    if (path.equals("/..")) {
      path = "/";
    }
    return path.isEmpty() ? "/" : path;
  }

  private String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> kept = new ArrayList<>();
    for (String pair : rawQuery.split("[&;]")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      if (rawName.isEmpty() || isTracking(decode(rawName).toLowerCase(Locale.ROOT))) {
        continue;
      }
      kept.add(new String[] {rawName, pair});
    }
    kept.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    StringBuilder sb = new StringBuilder();
    for (String[] p : kept) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(p[1]);
    }
    return sb.toString();
  }

  private boolean isTracking(String name) {
    if (exactParameters.contains(name)) {
      return true;
    }
    for (String prefix : prefixParameters) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}
