package io.newsstream.ingest.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The canonical form of an article URL, used as the record key of {@code articles.raw} so that
 * every submission of one article lands in one partition: scheme and host lower-cased, default
 * port dropped, user info and fragment dropped, tracking parameters ({@code utm_*}, {@code
 * fbclid}, {@code gclid}, ...) removed, remaining query parameters sorted, empty path as
 * {@code /}. Percent-encoding is kept as submitted. {@code www.} is kept (it can name a
 * different site). Stateless.
 */
public final class CanonicalUrl {

  /** Query parameters that only track the reader and never select content. */
  static final Set<String> TRACKING_PARAMETERS = Set.of(
      "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
      "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id",
      "ref_src", "spm", "cmpid", "ncid", "ito");

  private CanonicalUrl() {}

  /**
   * Canonicalises an absolute http(s) URL.
   *
   * @throws IllegalArgumentException when {@code url} is not an absolute URL with a host
   */
  public static String of(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + e.getReason(), e);
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("not an absolute URL with a host");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    int port = uri.getPort();
    boolean defaultPort = port == -1
        || (scheme.equals("http") && port == 80)
        || (scheme.equals("https") && port == 443);
    StringBuilder out = new StringBuilder(url.length()).append(scheme).append("://").append(host);
    if (!defaultPort) {
      out.append(':').append(port);
    }
    String path = uri.getRawPath();
    out.append(path == null || path.isEmpty() ? "/" : path);
    String query = canonicalQuery(uri.getRawQuery());
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    return out.toString();
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("utm_") || TRACKING_PARAMETERS.contains(lower)) {
        continue;
      }
      kept.add(new String[] {name, pair});
    }
    kept.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    StringBuilder q = new StringBuilder();
    for (String[] p : kept) {
      if (q.length() > 0) {
        q.append('&');
      }
      q.append(p[1]);
    }
    return q.toString();
  }
}
