package io.newsstream.processor.enrich;

import com.google.common.net.InternetDomainName;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the registrable domain of a host: the public suffix plus one label ({@code bbc.co.uk}
 * for {@code www.bbc.co.uk}, {@code moneycontrol.com} for {@code www.moneycontrol.com}). Uses
 * the ICANN section of the public suffix list bundled in Guava ({@code
 * InternetDomainName.topDomainUnderRegistrySuffix}), so that hosting suffixes such as {@code
 * blogspot.com} do not split one outlet into many. Hosts with no known suffix (IP addresses,
 * {@code localhost}, reserved names such as {@code .example}) are returned lower-cased with a
 * leading {@code www.} removed. Results are cached for up to {@value #CACHE_SIZE} hosts.
 * Thread-safe.
 */
public final class DomainExtractor {

  /** News comes from a few thousand hosts; remembering them saves the suffix-list walk. */
  static final int CACHE_SIZE = 10_000;

  private final Map<String, String> cache = new ConcurrentHashMap<>();

  /** The registrable domain of the host. */
  public String registrableDomain(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host is missing");
    }
    String cached = cache.get(host);
    if (cached != null) {
      return cached;
    }
    String domain = lookUp(host);
    if (cache.size() >= CACHE_SIZE) {
      cache.clear(); // crude but bounded; refills with the hosts that matter
    }
    cache.put(host, domain);
    return domain;
  }

  private static String lookUp(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".")) {
      lower = lower.substring(0, lower.length() - 1);
    }
    if (InternetDomainName.isValid(lower)) {
      InternetDomainName name = InternetDomainName.from(lower);
      if (name.isUnderRegistrySuffix()) {
        return name.topDomainUnderRegistrySuffix().toString();
      }
    }
    return lower.startsWith("www.") && lower.length() > 4 ? lower.substring(4) : lower;
  }
}
