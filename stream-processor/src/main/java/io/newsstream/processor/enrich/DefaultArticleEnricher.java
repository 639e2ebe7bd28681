package io.newsstream.processor.enrich;

import io.newsstream.schemas.url.UrlCanonicalizer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The enrichment pipeline: canonical URL and article id, registrable domain, cleaned title and
 * body, language, word count and reading time, keywords, named entities, topics, content hash
 * and SimHash, each computed by its own step class from one {@link EnrichmentConfig}.
 *
 * <p>Thread-safe and deterministic: every step is immutable after construction (Lucene analyzers
 * and Lingua models are created lazily behind thread-safe caches), so one instance serves all
 * stream threads, and the same input always yields the same enrichment. Throws {@link
 * IllegalArgumentException} when the URL is missing or not an absolute http(s) URL; a missing
 * title or body is enriched as empty text.
 */
public final class DefaultArticleEnricher implements ArticleEnricher {

  private final UrlCanonicalizer canonicalizer;
  private final DomainExtractor domains;
  private final TextCleaner cleaner;
  private final LanguageDetector languages;
  private final ReadingTime readingTime;
  private final KeywordExtractor keywords;
  private final EntityExtractor entities;
  private final TopicClassifier topics;
  private final ContentHasher contentHasher;
  private final SimHasher simHasher;

  public DefaultArticleEnricher(EnrichmentConfig config) {
    Objects.requireNonNull(config, "config");
    this.canonicalizer = new UrlCanonicalizer(config.keepWww(), config.trackingParameters());
    this.domains = new DomainExtractor();
    this.cleaner = new TextCleaner(config);
    this.languages = new LanguageDetector(config);
    this.readingTime = new ReadingTime(config.wordsPerMinute());
    this.keywords = new KeywordExtractor(config.maxKeywords());
    this.entities = new EntityExtractor(config.maxEntities());
    this.topics = new TopicClassifier(config);
    this.contentHasher = new ContentHasher();
    this.simHasher = new SimHasher();
  }

  /** An enricher with {@link EnrichmentConfig#defaults()}. */
  public DefaultArticleEnricher() {
    this(EnrichmentConfig.defaults());
  }

  @Override
  public Enrichment enrich(ArticleInput input) {
    Objects.requireNonNull(input, "input");
    String canonicalUrl = canonicalizer.canonicalize(input.url());
    String domain = domains.registrableDomain(UrlCanonicalizer.hostOf(canonicalUrl));
    String title = cleaner.cleanTitle(input.title());
    String body = cleaner.cleanBody(input.body(), domain);
    // Tokenised once for word count, language, topics and SimHash.
    List<String> bodyWords = WordTokenizer.normalizedWords(body);
    int wordCount = bodyWords.size();
    List<String> titleWords = WordTokenizer.normalizedWords(title);
    LanguageDetector.Detection language =
        declaredOverUnsure(
            languages.detect(title, body, input.declaredLanguage()), titleWords, bodyWords, input.declaredLanguage());
    List<String> keywordList = keywords.extract(title, body, language.language());
    boolean sure = TopicClassifier.sureLanguage(titleWords, bodyWords, language, input.declaredLanguage()) != null;
    List<NamedEntity> entityList = entities.extract(title, body, language.language(), sure);
    List<TopicMatch> topicList = topics.classify(titleWords, bodyWords, canonicalUrl, language, input.declaredLanguage());
    return new Enrichment(
        UrlCanonicalizer.articleId(canonicalUrl),
        canonicalUrl,
        domain,
        title,
        body,
        language.language(),
        language.confidence(),
        wordCount,
        readingTime.seconds(wordCount),
        keywordList,
        entityList,
        topicList,
        contentHasher.hash(title, body),
        simHasher.simhash(bodyWords));
  }

  /**
   * Short texts, one per language of the function-word guess and a table of figures that only
   * Lingua decides, for {@link #warmUp}.
   */
  static final Map<String, String> WARM_UP_TEXTS =
      Map.of(
          "en", "The council said on Tuesday that the new bridge over the river would open to traffic in the spring of next year.",
          "de", "Der Stadtrat hat am Dienstag beschlossen, dass die neue Brücke über den Fluss im Frühjahr für den Verkehr geöffnet wird.",
          "fr", "Le conseil municipal a annoncé mardi que le nouveau pont sur la rivière sera ouvert à la circulation au printemps prochain.",
          "es", "El ayuntamiento anunció el martes que el nuevo puente sobre el río se abrirá al tráfico en la primavera del próximo año.",
          "it", "Il consiglio comunale ha annunciato martedì che il nuovo ponte sul fiume sarà aperto al traffico nella primavera del prossimo anno.",
          "pt", "A câmara municipal anunciou na terça-feira que a nova ponte sobre o rio será aberta ao trânsito na primavera do próximo ano.",
          "nl", "De gemeenteraad heeft dinsdag besloten dat de nieuwe brug over de rivier in het voorjaar van volgend jaar voor het verkeer opengaat.",
          "table", "Shr 41 cts vs 37 cts\nNet 2,615,000 vs 2,290,000\nRevs 48.2 mln vs 44.9 mln\nAvg shrs 6,380,000 vs 6,190,000");

  /**
   * Enriches {@link #WARM_UP_TEXTS} once, so that what the first articles would otherwise load
   * while they are processed is loaded now: Lingua's models of every configured language (loaded
   * on first use, under one lock: about 0.6 s on an idle machine, seconds while the CPU is busy
   * with a burst of articles, during which every stream thread waits), the language's Lucene
   * analyzers, the word lists. Returns the detected language of each text, by its key.
   */
  public Map<String, String> warmUp() {
    Map<String, String> detected = new TreeMap<>();
    WARM_UP_TEXTS.forEach(
        (key, text) ->
            detected.put(key, enrich(new ArticleInput("https://warm-up.example/" + key, "", text, null)).language()));
    return detected;
  }

  /**
   * The declared language instead of a detection that names another language (or none) without
   * being sure of it, by the confidence the topics and the entity rules need ({@link
   * TopicClassifier#sureLanguage}): the client's word is then the better evidence. Lingua reads
   * an English table of figures ({@code Shr 30 cts vs 53 cts / Net 868,000 vs 728,000}) as
   * Swedish or French at 0.05 to 0.19, which would also give it another language's keywords. As
   * for a text too short to detect, the declared language is reported with confidence 0; a sure
   * detection still wins over the declared language.
   */
  static LanguageDetector.Detection declaredOverUnsure(
      LanguageDetector.Detection detected, List<String> titleWords, List<String> bodyWords, String declaredLanguage) {
    String declared = LanguageDetector.declared(declaredLanguage);
    if (declared == null
        || declared.equals(detected.language())
        || TopicClassifier.sureLanguage(titleWords, bodyWords, detected, null) != null) {
      return detected;
    }
    return new LanguageDetector.Detection(declared, 0.0);
  }

  /**
   * The taxonomy terms behind the topics of an article this enricher enriched, with what each
   * added to its topic's score ({@link TopicClassifier#explain}): for tuning a taxonomy. It reads
   * the enrichment's cleaned text, canonical URL and detected language, so nothing is cleaned or
   * detected twice.
   *
   * @param declaredLanguage the language the client declared for the article, or null
   */
  public List<TopicClassifier.TermMatch> explainTopics(Enrichment enrichment, String declaredLanguage) {
    Objects.requireNonNull(enrichment, "enrichment");
    return topics.explain(
        WordTokenizer.normalizedWords(enrichment.title()),
        WordTokenizer.normalizedWords(enrichment.body()),
        enrichment.canonicalUrl(),
        new LanguageDetector.Detection(enrichment.language(), enrichment.languageConfidence()),
        declaredLanguage);
  }
}
