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

  /** What every step reads: the canonical URL, the cleaned text, its words and its language. */
  private record Prepared(
      String canonicalUrl,
      String domain,
      String title,
      String body,
      LanguageDetector.Detection language,
      List<String> titleWords,
      List<String> bodyWords) {}

  private Prepared prepare(ArticleInput input) {
    Objects.requireNonNull(input, "input");
    String canonicalUrl = canonicalizer.canonicalize(input.url());
    String domain = domains.registrableDomain(UrlCanonicalizer.hostOf(canonicalUrl));
    String title = cleaner.cleanTitle(input.title());
    String body = cleaner.cleanBody(input.body(), domain);
    LanguageDetector.Detection language =
        languages.detect(title, body, input.declaredLanguage());
    // Tokenised once for word count, topics and SimHash.
    List<String> bodyWords = WordTokenizer.normalizedWords(body);
    List<String> titleWords = WordTokenizer.normalizedWords(title);
    return new Prepared(canonicalUrl, domain, title, body, language, titleWords, bodyWords);
  }

  @Override
  public Enrichment enrich(ArticleInput input) {
    Prepared p = prepare(input);
    int wordCount = p.bodyWords().size();
    List<String> keywordList = keywords.extract(p.title(), p.body(), p.language().language());
    boolean sure =
        TopicClassifier.sureLanguage(p.titleWords(), p.bodyWords(), p.language(), input.declaredLanguage()) != null;
    List<NamedEntity> entityList = entities.extract(p.title(), p.body(), p.language().language(), sure);
    List<TopicMatch> topicList =
        topics.classify(p.titleWords(), p.bodyWords(), p.canonicalUrl(), p.language(), input.declaredLanguage());
    return new Enrichment(
        UrlCanonicalizer.articleId(p.canonicalUrl()),
        p.canonicalUrl(),
        p.domain(),
        p.title(),
        p.body(),
        p.language().language(),
        p.language().confidence(),
        wordCount,
        readingTime.seconds(wordCount),
        keywordList,
        entityList,
        topicList,
        contentHasher.hash(p.title(), p.body()),
        simHasher.simhash(p.bodyWords()));
  }

  /**
   * The taxonomy terms behind the topics that {@link #enrich} gives the article, with what each
   * added to its topic's score ({@link TopicClassifier#explain}): for tuning a taxonomy.
   */
  public List<TopicClassifier.TermMatch> explainTopics(ArticleInput input) {
    Prepared p = prepare(input);
    return topics.explain(p.titleWords(), p.bodyWords(), p.canonicalUrl(), p.language(), input.declaredLanguage());
  }
}
