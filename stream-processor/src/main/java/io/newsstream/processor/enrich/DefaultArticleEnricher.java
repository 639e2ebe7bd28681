package io.newsstream.processor.enrich;

import io.newsstream.schemas.url.UrlCanonicalizer;
import java.util.List;
import java.util.Objects;

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
    LanguageDetector.Detection language =
        languages.detect(title, body, input.declaredLanguage());
    // Tokenised once for word count, topics and SimHash.
    List<String> bodyWords = WordTokenizer.normalizedWords(body);
    int wordCount = bodyWords.size();
    List<String> titleWords = WordTokenizer.normalizedWords(title);
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
