package io.newsstream.processor.enrich;

import io.newsstream.schemas.topics.TopicNames;
import io.newsstream.schemas.url.UrlCanonicalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Settings of the enrichment steps, built once from a flat map of properties (every key starts
 * with {@code enrich.}) and immutable afterwards, so one instance can be shared by all stream
 * threads.
 *
 * <p>Each key is declared once below with its {@code _CONFIG} name, {@code _DEFAULT} value and
 * {@code _DOC} text; {@link #fromProperties(Map)} validates every value and rejects unknown
 * {@code enrich.*} keys so that a typo fails at start-up instead of silently using a default. Keys
 * outside {@code enrich.} are ignored, so the application may pass its whole configuration.
 *
 * <p>Taxonomy keys have the form {@code enrich.topics.<topic>.terms} with a comma-separated list
 * of {@code term:weight} entries; a term with spaces is a phrase, a term ending in {@code *}
 * matches every word it starts, {@code url:<segment>} a section of the URL path and {@code
 * site:<domain>} an outlet. The default taxonomy is the bundled resource {@code
 * default-taxonomy.properties}; a configured topic replaces the default topic of that name, an
 * empty list removes it, and {@code enrich.topics.replace-defaults=true} drops every default.
 * Per-domain furniture rules have the form {@code enrich.furniture.domain.<domain>.<n>} with a
 * Java regular expression whose matches are removed from bodies of that registrable domain, and
 * from other bodies that name the outlet ({@link TextCleaner}).
 *
 * @param keepWww keep a leading {@code www.} in canonical URLs
 * @param trackingParameters query parameters removed from canonical URLs; a trailing {@code *}
 *     is a prefix
 * @param languages ISO 639-1 codes the language detector chooses from
 * @param languageThreshold confidence below which the language is {@code und}
 * @param languageMinLetters letters below which detection is not attempted
 * @param languageLowAccuracy run Lingua in low-accuracy mode (trigram models only)
 * @param furnitureLines whole lines removed from every body (compared case-insensitively)
 * @param domainFurniture registrable domain to patterns removed from its bodies
 * @param wordsPerMinute reading speed for the reading time
 * @param maxKeywords keywords kept per article
 * @param maxEntities entities kept per article
 * @param taxonomy topic to (term or phrase to weight), in configuration order
 * @param topicThreshold score a topic needs to match
 * @param maxTopics topics kept per article
 */
public record EnrichmentConfig(
    boolean keepWww,
    Set<String> trackingParameters,
    Set<String> languages,
    double languageThreshold,
    int languageMinLetters,
    boolean languageLowAccuracy,
    List<String> furnitureLines,
    Map<String, List<Pattern>> domainFurniture,
    int wordsPerMinute,
    int maxKeywords,
    int maxEntities,
    Map<String, Map<String, Double>> taxonomy,
    double topicThreshold,
    int maxTopics) {

  /** Common prefix of every key this class reads. */
  public static final String PREFIX = "enrich.";

  public static final String KEEP_WWW_CONFIG = "enrich.url.keep-www";
  public static final boolean KEEP_WWW_DEFAULT = UrlCanonicalizer.DEFAULT_KEEP_WWW;
  public static final String KEEP_WWW_DOC =
      "Keep a leading 'www.' in the canonical URL (true) or strip it (false).";

  public static final String TRACKING_PARAMETERS_CONFIG = "enrich.url.tracking-parameters";
  public static final String TRACKING_PARAMETERS_DEFAULT = UrlCanonicalizer.DEFAULT_TRACKING_PARAMETERS;
  public static final String TRACKING_PARAMETERS_DOC =
      "Comma-separated query parameter names removed from canonical URLs (case-insensitive);"
          + " a trailing '*' matches every name with that prefix.";

  public static final String LANGUAGES_CONFIG = "enrich.language.languages";
  public static final String LANGUAGES_DEFAULT =
      "en,de,fr,es,it,pt,nl,sv,da,nb,fi,pl,cs,ro,hu,el,tr,ru,uk,ar,he,fa,hi,bn,ur,id,vi,th,zh,ja,ko";
  public static final String LANGUAGES_DOC =
      "Comma-separated ISO 639-1 codes the language detector chooses from, at least two, each"
          + " of a language Lingua knows; fewer languages make detection faster and smaller.";

  public static final String LANGUAGE_THRESHOLD_CONFIG = "enrich.language.threshold";
  public static final double LANGUAGE_THRESHOLD_DEFAULT = 0.05;
  public static final String LANGUAGE_THRESHOLD_DOC =
      "Confidence (margin of the best language over the runner-up, 0..1) below which the"
          + " language is reported as 'und'.";

  public static final String LANGUAGE_MIN_LETTERS_CONFIG = "enrich.language.min-letters";
  public static final int LANGUAGE_MIN_LETTERS_DEFAULT = 20;
  public static final String LANGUAGE_MIN_LETTERS_DOC =
      "Texts with fewer letters are not detected: the declared language is used, or 'und'.";

  public static final String LANGUAGE_LOW_ACCURACY_CONFIG = "enrich.language.low-accuracy";
  public static final boolean LANGUAGE_LOW_ACCURACY_DEFAULT = true;
  public static final String LANGUAGE_LOW_ACCURACY_DOC =
      "Run Lingua in low-accuracy mode (trigrams only): about 35 MB of models instead of about"
          + " 570 MB and a third less CPU; Lingua only sees texts the function-word guess leaves.";

  public static final String FURNITURE_LINES_CONFIG = "enrich.furniture.lines";
  public static final String FURNITURE_LINES_DEFAULT =
      "Close,Advertisement,Advertisements,Also read,Also Read:,Read more,Read More:,"
          + "Story continues below Advertisement,Continue reading,Continue reading below,"
          + "Skip to content,Skip Ad,Share,Share this article,Share on Facebook,Share on Twitter,"
          + "Subscribe,Subscribe now,Sign up,Log in,Loading...,Sponsored,Recommended,"
          + "Related,Related Articles,Related Stories,Trending,Print,Email,Comments,Watch,"
          // The same furniture in the other languages the function-word guess knows.
          + "Anzeige,Werbung,Weiterlesen,Lesen Sie auch,Mehr zum Thema,Teilen,"
          + "Publicité,Lire aussi,À lire aussi,Lire la suite,Partager,"
          + "Publicidad,Lee también,Leer más,Compartir,"
          + "Pubblicità,Leggi anche,Condividi,"
          + "Publicidade,Leia também,Leia mais,Compartilhar,"
          + "Advertentie,Lees ook,Lees meer,Delen";
  public static final String FURNITURE_LINES_DOC =
      "Comma-separated lines that are page furniture wherever they stand alone on a line"
          + " (compared after trimming, case-insensitively).";

  /** Prefix of per-domain furniture rules: {@code enrich.furniture.domain.<domain>.<n>}. */
  public static final String DOMAIN_FURNITURE_PREFIX = "enrich.furniture.domain.";

  /**
   * Default per-domain furniture rules. moneycontrol.com glues a subscription promotion to the
   * last sentence of its articles ("...in Parliament.Special Thursday Expiry ... Moneycontrol
   * PRO ... Coupon code: DIWALI"): the promotion starts right after a sentence end that has no
   * space after it and runs to the end of the line, and mentions Moneycontrol PRO or a coupon.
   * The second rule removes the same promotion when it stands on a line of its own. The
   * look-ahead is bounded (250 characters) so that a long line with many sentence ends costs
   * linear, not quadratic, time.
   */
  public static final Map<String, List<String>> DOMAIN_FURNITURE_DEFAULT =
      Map.of(
          "moneycontrol.com",
          List.of(
              "(?<=\\p{Ll}[.!?\"”’])(?=\\p{Lu}[^\\n]{0,400}?(?i:moneycontrol pro|coupon code))"
                  + "[^\\n]*",
              "(?im)^[^\\n]*moneycontrol pro[^\\n]*coupon code[^\\n]*$"));

  public static final String DOMAIN_FURNITURE_DOC =
      "Java regular expressions removed from bodies of that registrable domain, and from other"
          + " bodies that name the outlet (the domain's first label as a whole word); several rules"
          + " per domain are numbered .1, .2, ...; the defaults hold rules for moneycontrol.com.";

  public static final String WORDS_PER_MINUTE_CONFIG = "enrich.reading.words-per-minute";
  public static final int WORDS_PER_MINUTE_DEFAULT = 230;
  public static final String WORDS_PER_MINUTE_DOC = "Reading speed used for the reading time.";

  public static final String MAX_KEYWORDS_CONFIG = "enrich.keywords.max";
  public static final int MAX_KEYWORDS_DEFAULT = 10;
  public static final String MAX_KEYWORDS_DOC = "Keywords kept per article, strongest first.";

  public static final String MAX_ENTITIES_CONFIG = "enrich.entities.max";
  public static final int MAX_ENTITIES_DEFAULT = 25;
  public static final String MAX_ENTITIES_DOC =
      "Named entities kept per article, most frequent first.";

  public static final String TOPIC_THRESHOLD_CONFIG = "enrich.topics.threshold";
  public static final double TOPIC_THRESHOLD_DEFAULT = 1.0;
  public static final String TOPIC_THRESHOLD_DOC =
      "Score a topic needs to be assigned; an article that reaches it for no topic has no"
          + " topics and is routed to the general stream, unless it is a short (headline-only)"
          + " text, which keeps its strongest topic.";

  public static final String MAX_TOPICS_CONFIG = "enrich.topics.max";
  public static final int MAX_TOPICS_DEFAULT = 3;
  public static final String MAX_TOPICS_DOC = "Topics kept per article, strongest first.";

  public static final String REPLACE_TAXONOMY_CONFIG = "enrich.topics.replace-defaults";
  public static final boolean REPLACE_TAXONOMY_DEFAULT = false;
  public static final String REPLACE_TAXONOMY_DOC =
      "Drop the bundled default taxonomy and use only the configured topics.";

  /** Taxonomy keys: {@code enrich.topics.<topic>.terms}. */
  public static final String TOPIC_TERMS_PATTERN_DOC =
      "enrich.topics.<topic>.terms: comma-separated term:weight entries (phrases allowed, a"
          + " trailing '*' matches word prefixes, url:<segment> matches a section of the URL path,"
          + " site:<domain> the URL's host and its subdomains, <language>:<term> only articles in"
          + " that language, such as de:wahl*:2);"
          + " empty removes the topic. Topic names are [a-z0-9][a-z0-9_-]* of at most 234"
          + " characters (articles.topic.<topic> is a Kafka topic), not 'general', the stream of"
          + " articles that matched no topic.";

  /** Bundled default taxonomy, a properties file with {@code enrich.topics.*.terms} keys. */
  public static final String DEFAULT_TAXONOMY_RESOURCE = "default-taxonomy.properties";

  private static final Pattern TOPIC_KEY = Pattern.compile("enrich\\.topics\\.([^.]+)\\.terms");
  /**
   * A taxonomy topic's name, the end of its Kafka topic {@code articles.topic.<topic>}
   * ({@link TopicNames#topicStream}): Kafka's characters but the dot, which would end the name in
   * the key {@code enrich.topics.<topic>.terms}, and no capitals, which the stream's name drops.
   */
  private static final Pattern TOPIC_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  /** Longest name Kafka takes for a topic. */
  private static final int MAX_KAFKA_TOPIC_NAME_LENGTH = 249;
  /** Longest taxonomy topic name whose stream {@code articles.topic.<topic>} Kafka takes. */
  static final int MAX_TOPIC_NAME_LENGTH = MAX_KAFKA_TOPIC_NAME_LENGTH - TopicNames.TOPIC_PREFIX_DEFAULT.length();
  private static final Pattern DOMAIN_KEY =
      Pattern.compile(Pattern.quote(DOMAIN_FURNITURE_PREFIX) + "(.+?)(?:\\.(\\d+))?");
  private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2}");
  private static final Set<String> SIMPLE_KEYS =
      Set.of(
          KEEP_WWW_CONFIG,
          TRACKING_PARAMETERS_CONFIG,
          LANGUAGES_CONFIG,
          LANGUAGE_THRESHOLD_CONFIG,
          LANGUAGE_MIN_LETTERS_CONFIG,
          LANGUAGE_LOW_ACCURACY_CONFIG,
          FURNITURE_LINES_CONFIG,
          WORDS_PER_MINUTE_CONFIG,
          MAX_KEYWORDS_CONFIG,
          MAX_ENTITIES_CONFIG,
          TOPIC_THRESHOLD_CONFIG,
          MAX_TOPICS_CONFIG,
          REPLACE_TAXONOMY_CONFIG);

  private static volatile EnrichmentConfig defaults;

  /** Validates and freezes the collections. */
  public EnrichmentConfig {
    trackingParameters = Collections.unmodifiableSet(new LinkedHashSet<>(trackingParameters));
    languages = Collections.unmodifiableSet(new LinkedHashSet<>(languages));
    furnitureLines = List.copyOf(furnitureLines);
    Map<String, List<Pattern>> rules = new TreeMap<>();
    domainFurniture.forEach((domain, patterns) -> rules.put(domain, List.copyOf(patterns)));
    domainFurniture = Collections.unmodifiableMap(rules);
    Map<String, Map<String, Double>> topics = new LinkedHashMap<>();
    taxonomy.forEach(
        (topic, terms) -> {
          if (!TOPIC_NAME.matcher(topic).matches()) {
            throw new IllegalArgumentException(
                topicKey(topic) + ": topic name '" + topic + "' must match " + TOPIC_NAME.pattern()
                    + " (it names the Kafka topic " + TopicNames.TOPIC_PREFIX_DEFAULT + "<topic>)");
          }
          if (topic.length() > MAX_TOPIC_NAME_LENGTH) {
            throw new IllegalArgumentException(
                topicKey(topic) + ": topic name of " + topic.length() + " characters is too long: "
                    + TopicNames.TOPIC_PREFIX_DEFAULT + "<topic> must be a legal Kafka topic name of at most "
                    + MAX_KAFKA_TOPIC_NAME_LENGTH + " characters, so the topic name at most " + MAX_TOPIC_NAME_LENGTH);
          }
          if (topic.equals(TopicNames.GENERAL_TOPIC_DEFAULT)) {
            // Its stream is where articles that matched no topic go: a consumer could not tell them apart.
            throw new IllegalArgumentException(
                topicKey(topic) + ": '" + topic + "' cannot be a taxonomy topic: "
                    + TopicNames.TOPIC_PREFIX_DEFAULT + topic + " is the stream of articles that matched no topic;"
                    + " name the topic otherwise");
          }
          if (terms.isEmpty()) {
            throw new IllegalArgumentException("Topic '" + topic + "' has no terms");
          }
          topics.put(topic, Collections.unmodifiableMap(new LinkedHashMap<>(terms)));
        });
    taxonomy = Collections.unmodifiableMap(topics);
    if (languages.size() < 2) {
      // Lingua decides between languages: one alone leaves it nothing to decide.
      throw new IllegalArgumentException(LANGUAGES_CONFIG + " must name at least two languages: " + String.join(",", languages));
    }
    requireRange(LANGUAGE_THRESHOLD_CONFIG, languageThreshold, 0.0, 1.0);
    requireRange(LANGUAGE_MIN_LETTERS_CONFIG, languageMinLetters, 0, 10_000);
    requireRange(WORDS_PER_MINUTE_CONFIG, wordsPerMinute, 1, 10_000);
    requireRange(MAX_KEYWORDS_CONFIG, maxKeywords, 0, 1_000);
    requireRange(MAX_ENTITIES_CONFIG, maxEntities, 0, 1_000);
    requireRange(TOPIC_THRESHOLD_CONFIG, topicThreshold, 0.0, Double.MAX_VALUE);
    requireRange(MAX_TOPICS_CONFIG, maxTopics, 1, 1_000);
  }

  /** The configuration with every default, including the bundled taxonomy. */
  public static EnrichmentConfig defaults() {
    EnrichmentConfig result = defaults;
    if (result == null) {
      result = fromProperties(Map.of());
      defaults = result;
    }
    return result;
  }

  /**
   * Builds the configuration from flat properties; absent keys take their defaults.
   *
   * @throws IllegalArgumentException naming the key, for an unknown {@code enrich.*} key or an
   *     invalid value
   */
  public static EnrichmentConfig fromProperties(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties");
    Map<String, String> props = new TreeMap<>();
    properties.forEach(
        (key, value) -> {
          if (key.startsWith(PREFIX)) {
            props.put(key, value == null ? "" : value.trim());
          }
        });
    for (String key : props.keySet()) {
      if (!SIMPLE_KEYS.contains(key)
          && !TOPIC_KEY.matcher(key).matches()
          && !key.startsWith(DOMAIN_FURNITURE_PREFIX)) {
        throw new IllegalArgumentException("Unknown enrichment setting '" + key + "'");
      }
    }
    boolean replaceTaxonomy =
        parseBoolean(props, REPLACE_TAXONOMY_CONFIG, REPLACE_TAXONOMY_DEFAULT);
    Map<String, Map<String, Double>> taxonomy =
        replaceTaxonomy ? new LinkedHashMap<>() : loadDefaultTaxonomy();
    props.forEach(
        (key, value) -> {
          Matcher m = TOPIC_KEY.matcher(key);
          if (m.matches()) {
            String topic = m.group(1);
            if (value.isEmpty()) {
              taxonomy.remove(topic);
            } else {
              taxonomy.put(topic, parseTerms(key, value));
            }
          }
        });
    return new EnrichmentConfig(
        parseBoolean(props, KEEP_WWW_CONFIG, KEEP_WWW_DEFAULT),
        // The same parsing as the canonicaliser's defaults, which ingest-service keys articles by.
        UrlCanonicalizer.parseParameters(props.getOrDefault(TRACKING_PARAMETERS_CONFIG, TRACKING_PARAMETERS_DEFAULT)),
        parseLanguages(props.getOrDefault(LANGUAGES_CONFIG, LANGUAGES_DEFAULT)),
        parseDouble(props, LANGUAGE_THRESHOLD_CONFIG, LANGUAGE_THRESHOLD_DEFAULT),
        parseInt(props, LANGUAGE_MIN_LETTERS_CONFIG, LANGUAGE_MIN_LETTERS_DEFAULT),
        parseBoolean(props, LANGUAGE_LOW_ACCURACY_CONFIG, LANGUAGE_LOW_ACCURACY_DEFAULT),
        splitList(props.getOrDefault(FURNITURE_LINES_CONFIG, FURNITURE_LINES_DEFAULT)),
        parseDomainFurniture(props),
        parseInt(props, WORDS_PER_MINUTE_CONFIG, WORDS_PER_MINUTE_DEFAULT),
        parseInt(props, MAX_KEYWORDS_CONFIG, MAX_KEYWORDS_DEFAULT),
        parseInt(props, MAX_ENTITIES_CONFIG, MAX_ENTITIES_DEFAULT),
        taxonomy,
        parseDouble(props, TOPIC_THRESHOLD_CONFIG, TOPIC_THRESHOLD_DEFAULT),
        parseInt(props, MAX_TOPICS_CONFIG, MAX_TOPICS_DEFAULT));
  }

  /** The key that configures a taxonomy topic's terms: {@code enrich.topics.<topic>.terms}. */
  private static String topicKey(String topic) {
    return "enrich.topics." + topic + ".terms";
  }

  /** Names of the taxonomy topics, in configuration order (without the general fallback). */
  public List<String> topicNames() {
    return List.copyOf(taxonomy.keySet());
  }

  /**
   * Languages that taxonomy terms are scoped to ({@code de:wahl*}) but the detector does not
   * choose from ({@code enrich.language.languages}): their terms never match. In order of the
   * taxonomy.
   */
  public Set<String> unreachableTermLanguages() {
    Set<String> unreachable = new LinkedHashSet<>();
    taxonomy.values().forEach(terms -> terms.keySet().forEach(term -> {
      String language = TopicClassifier.languageOf(term);
      if (language != null && !languages.contains(language)) {
        unreachable.add(language);
      }
    }));
    return unreachable;
  }

  /** Furniture patterns of one registrable domain; empty when it has none. */
  public List<Pattern> furnitureFor(String domain) {
    return domain == null ? List.of() : domainFurniture.getOrDefault(domain, List.of());
  }

  /** Every simple key with its default and documentation, for reference tables. */
  public static Map<String, String[]> documentation() {
    Map<String, String[]> docs = new LinkedHashMap<>();
    docs.put(KEEP_WWW_CONFIG, new String[] {String.valueOf(KEEP_WWW_DEFAULT), KEEP_WWW_DOC});
    docs.put(
        TRACKING_PARAMETERS_CONFIG,
        new String[] {TRACKING_PARAMETERS_DEFAULT, TRACKING_PARAMETERS_DOC});
    docs.put(LANGUAGES_CONFIG, new String[] {LANGUAGES_DEFAULT, LANGUAGES_DOC});
    docs.put(
        LANGUAGE_THRESHOLD_CONFIG,
        new String[] {String.valueOf(LANGUAGE_THRESHOLD_DEFAULT), LANGUAGE_THRESHOLD_DOC});
    docs.put(
        LANGUAGE_MIN_LETTERS_CONFIG,
        new String[] {String.valueOf(LANGUAGE_MIN_LETTERS_DEFAULT), LANGUAGE_MIN_LETTERS_DOC});
    docs.put(
        LANGUAGE_LOW_ACCURACY_CONFIG,
        new String[] {String.valueOf(LANGUAGE_LOW_ACCURACY_DEFAULT), LANGUAGE_LOW_ACCURACY_DOC});
    docs.put(FURNITURE_LINES_CONFIG, new String[] {FURNITURE_LINES_DEFAULT, FURNITURE_LINES_DOC});
    docs.put(
        DOMAIN_FURNITURE_PREFIX + "<domain>.<n>",
        new String[] {"rules for moneycontrol.com", DOMAIN_FURNITURE_DOC});
    docs.put(
        WORDS_PER_MINUTE_CONFIG,
        new String[] {String.valueOf(WORDS_PER_MINUTE_DEFAULT), WORDS_PER_MINUTE_DOC});
    docs.put(
        MAX_KEYWORDS_CONFIG, new String[] {String.valueOf(MAX_KEYWORDS_DEFAULT), MAX_KEYWORDS_DOC});
    docs.put(
        MAX_ENTITIES_CONFIG, new String[] {String.valueOf(MAX_ENTITIES_DEFAULT), MAX_ENTITIES_DOC});
    docs.put(
        TOPIC_THRESHOLD_CONFIG,
        new String[] {String.valueOf(TOPIC_THRESHOLD_DEFAULT), TOPIC_THRESHOLD_DOC});
    docs.put(MAX_TOPICS_CONFIG, new String[] {String.valueOf(MAX_TOPICS_DEFAULT), MAX_TOPICS_DOC});
    docs.put(
        REPLACE_TAXONOMY_CONFIG,
        new String[] {String.valueOf(REPLACE_TAXONOMY_DEFAULT), REPLACE_TAXONOMY_DOC});
    docs.put(
        "enrich.topics.<topic>.terms",
        new String[] {"bundled " + DEFAULT_TAXONOMY_RESOURCE, TOPIC_TERMS_PATTERN_DOC});
    return docs;
  }

  private static Map<String, Map<String, Double>> loadDefaultTaxonomy() {
    Properties file = new Properties();
    try (InputStream in = EnrichmentConfig.class.getResourceAsStream(DEFAULT_TAXONOMY_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + DEFAULT_TAXONOMY_RESOURCE);
      }
      file.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Properties forgets order; the file lists topics as "enrich.topics.order".
    List<String> order = splitList(file.getProperty("enrich.topics.order", ""));
    Map<String, Map<String, Double>> taxonomy = new LinkedHashMap<>();
    for (String topic : order) {
      String key = topicKey(topic);
      String value = file.getProperty(key);
      if (value == null) {
        throw new IllegalStateException(DEFAULT_TAXONOMY_RESOURCE + " lacks " + key);
      }
      taxonomy.put(topic, parseTerms(key, value));
    }
    return taxonomy;
  }

  /** What may follow {@code site:}: a host name, labels of letters, digits and hyphens. */
  private static final Pattern SITE_DOMAIN = Pattern.compile("[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*");

  static Map<String, Double> parseTerms(String key, String value) {
    Map<String, Double> terms = new LinkedHashMap<>();
    Map<String, String> byMatchedForm = new LinkedHashMap<>();
    for (String entry : splitList(value)) {
      int colon = entry.lastIndexOf(':');
      if ((colon == TopicClassifier.SECTION_PREFIX.length() - 1 && entry.startsWith(TopicClassifier.SECTION_PREFIX))
          || (colon == TopicClassifier.SITE_PREFIX.length() - 1 && entry.startsWith(TopicClassifier.SITE_PREFIX))) {
        colon = -1; // url:<section> or site:<domain> without a weight
      }
      String language = TopicClassifier.languageOf(entry);
      if (language != null && isNumber(entry.substring(language.length() + 1))) {
        language = null; // a two-letter term and its weight: ai:1.5
      }
      if (language != null && colon == language.length()) {
        colon = -1; // de:<term> without a weight
      }
      if (language != null && LanguageDetector.isoCode(language).isEmpty()) {
        throw new IllegalArgumentException(
            key + ": entry '" + entry + "' is scoped to '" + language + "', which is not an ISO 639-1 code of a supported language (de:<term>, fr:<term>, ...)");
      }
      String term = colon < 0 ? entry : entry.substring(0, colon).trim();
      double weight;
      try {
        weight = colon < 0 ? 1.0 : Double.parseDouble(entry.substring(colon + 1).trim());
      } catch (NumberFormatException e) {
        // site:https://variety.com reads as the term site:https with the weight //variety.com.
        throw new IllegalArgumentException(
            entry.startsWith(TopicClassifier.SITE_PREFIX) ? siteNeedsDomain(key, entry) : key + ": weight of '" + term + "' is not a number: " + entry,
            e);
      }
      if (term.isEmpty() || !(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException(
            key + ": entry '" + entry + "' needs a term and a positive weight");
      }
      if (term.equals(TopicClassifier.SECTION_PREFIX)) {
        throw new IllegalArgumentException(key + ": entry '" + entry + "' names no section (url:<segment>, such as url:business)");
      }
      if (term.startsWith(TopicClassifier.SITE_PREFIX) && !SITE_DOMAIN.matcher(term.substring(TopicClassifier.SITE_PREFIX.length())).matches()) {
        throw new IllegalArgumentException(siteNeedsDomain(key, entry));
      }
      if (matchedWords(term).isEmpty()) {
        throw new IllegalArgumentException(
            key + ": term '" + term + "' has no letter or digit, so it matches no word");
      }
      Double earlier = terms.put(term.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "), weight);
      if (earlier != null) {
        throw new IllegalArgumentException(
            key + ": term '" + term + "' is listed twice (weights " + earlier + " and " + weight + "); list it once");
      }
      String same = byMatchedForm.putIfAbsent(matchedForm(term), term);
      if (same != null) {
        throw new IllegalArgumentException(
            key + ": '" + same + "' and '" + term + "' are one term once case, hyphens and apostrophes are"
                + " dropped, as the classifier matches words, so both would count for the same word; list it once");
      }
    }
    return terms;
  }

  /**
   * The form in which the classifier matches a term: a section or outlet as written, otherwise
   * its {@link WordTokenizer#normalizedWords normalised words} ({@code e-mail} and {@code email}
   * are one), with its language and prefix mark.
   */
  private static String matchedForm(String term) {
    String lower = term.toLowerCase(Locale.ROOT);
    if (lower.startsWith(TopicClassifier.SECTION_PREFIX) || lower.startsWith(TopicClassifier.SITE_PREFIX)) {
      return lower;
    }
    String language = TopicClassifier.languageOf(lower);
    String body = language == null ? lower : lower.substring(language.length() + 1);
    return (language == null ? "" : language + ":") + String.join(" ", matchedWords(term)) + (body.endsWith("*") ? "*" : "");
  }

  /**
   * The words the classifier matches for a word, prefix or phrase term, without its language and
   * prefix mark; empty when it has no letter or digit, as the classifier then drops it. A section
   * or outlet is one word as written.
   */
  private static List<String> matchedWords(String term) {
    String lower = term.toLowerCase(Locale.ROOT);
    if (lower.startsWith(TopicClassifier.SECTION_PREFIX) || lower.startsWith(TopicClassifier.SITE_PREFIX)) {
      return List.of(lower);
    }
    String language = TopicClassifier.languageOf(lower);
    String body = language == null ? lower : lower.substring(language.length() + 1);
    boolean prefix = body.endsWith("*");
    List<String> words = new ArrayList<>(WordTokenizer.normalizedWords(prefix ? body.substring(0, body.length() - 1) : body));
    words.removeIf(String::isEmpty);
    return words;
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String siteNeedsDomain(String key, String entry) {
    return key + ": entry '" + entry + "' needs a domain name (site:<domain>, such as site:variety.com; no scheme, path or port)";
  }

  private static Map<String, List<Pattern>> parseDomainFurniture(Map<String, String> props) {
    Map<String, List<Pattern>> rules = new TreeMap<>();
    DOMAIN_FURNITURE_DEFAULT.forEach(
        (domain, regexes) ->
            rules.put(domain, regexes.stream().map(r -> compile(domain, r)).toList()));
    Map<String, Map<Integer, Pattern>> configured = new TreeMap<>();
    props.forEach(
        (key, value) -> {
          if (!key.startsWith(DOMAIN_FURNITURE_PREFIX)) {
            return;
          }
          Matcher m = DOMAIN_KEY.matcher(key);
          if (!m.matches() || m.group(1).isEmpty()) {
            throw new IllegalArgumentException("Malformed furniture rule key '" + key + "'");
          }
          String domain = m.group(1).toLowerCase(Locale.ROOT);
          int index = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
          Map<Integer, Pattern> byIndex = configured.computeIfAbsent(domain, d -> new TreeMap<>());
          if (!value.isEmpty()) {
            byIndex.put(index, compile(key, value));
          }
        });
    // A configured domain replaces the default rules of that domain; all-empty removes them.
    configured.forEach((domain, byIndex) -> rules.put(domain, new ArrayList<>(byIndex.values())));
    rules.values().removeIf(List::isEmpty);
    return rules;
  }

  private static Pattern compile(String key, String regex) {
    try {
      return Pattern.compile(regex, Pattern.MULTILINE);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(key + ": invalid regular expression: " + regex, e);
    }
  }

  private static Set<String> parseLanguages(String value) {
    Set<String> codes = new LinkedHashSet<>();
    for (String code : splitList(value)) {
      String lower = code.toLowerCase(Locale.ROOT);
      if (!LANGUAGE_CODE.matcher(lower).matches()) {
        throw new IllegalArgumentException(
            LANGUAGES_CONFIG + ": '" + code + "' is not an ISO 639-1 code");
      }
      if (LanguageDetector.isoCode(lower).isEmpty()) {
        throw new IllegalArgumentException(
            LANGUAGES_CONFIG + ": language '" + code + "' is not supported by the detector, which knows "
                + String.join(",", LanguageDetector.supportedCodes()));
      }
      codes.add(lower);
    }
    return codes;
  }

  private static List<String> splitList(String value) {
    List<String> items = new ArrayList<>();
    for (String item : value.split(",")) {
      String trimmed = item.trim();
      if (!trimmed.isEmpty()) {
        items.add(trimmed);
      }
    }
    return items;
  }

  private static boolean parseBoolean(Map<String, String> props, String key, boolean fallback) {
    String value = props.get(key);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false: " + value);
    };
  }

  private static int parseInt(Map<String, String> props, String key, int fallback) {
    String value = props.get(key);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer: " + value, e);
    }
  }

  private static double parseDouble(Map<String, String> props, String key, double fallback) {
    String value = props.get(key);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number: " + value, e);
    }
  }

  private static void requireRange(String key, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          key + " must be between " + min + " and " + max + ": " + value);
    }
  }
}
