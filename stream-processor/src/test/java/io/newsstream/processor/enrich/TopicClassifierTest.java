package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicClassifierTest {

  private static TopicClassifier classifier(Map<String, String> props) {
    return new TopicClassifier(EnrichmentConfig.fromProperties(props));
  }

  /** Only two topics: markets (stocks:2 and the given term) and music (album:2 and the given term). */
  private static TopicClassifier marketsAndMusic(String marketsTerm, String musicTerm) {
    return classifier(
        Map.of(
            "enrich.topics.replace-defaults", "true",
            "enrich.topics.markets.terms", "stocks:2," + marketsTerm,
            "enrich.topics.music.terms", "album:2," + musicTerm));
  }

  @Test
  void shouldMatchTheSampleArticleToTechnologyOrPolitics() {
    // given
    TopicClassifier defaults = new TopicClassifier(EnrichmentConfig.defaults());

    // when
    List<TopicMatch> topics = defaults.classify(SampleArticle.TITLE, SampleArticle.BODY);

    // then
    assertThat(topics).isNotEmpty();
    assertThat(topics.get(0).name()).isIn("technology", "politics");
  }

  @Test
  void shouldClassifyTypicalHeadlinesWithTheDefaultTaxonomy() {
    // given
    TopicClassifier defaults = new TopicClassifier(EnrichmentConfig.defaults());

    // when / then
    assertThat(defaults.classify("Fed official says weak data caused by weather, should not slow taper", ""))
        .first().extracting(TopicMatch::name).isEqualTo("business");
    assertThat(defaults.classify("Ebola outbreak spreads as hospitals run out of vaccine doses", ""))
        .first().extracting(TopicMatch::name).isEqualTo("health");
    assertThat(defaults.classify("Striker scores twice as United win the league title", ""))
        .first().extracting(TopicMatch::name).isEqualTo("sport");
    // a headline without a taxonomy word, from an outlet the default taxonomy names
    assertThat(defaults.classify("Tonight's big surprise", "", "https://www.hollywoodreporter.com/news/tonights-big-surprise"))
        .first().extracting(TopicMatch::name).isEqualTo("entertainment");
    assertThat(defaults.classify("Tonight's big surprise", "", "https://www.example.com/news/tonights-big-surprise")).isEmpty();
  }

  @Test
  void shouldCountASectionOfTheUrlPathAsAHeadlineMention() {
    // given: a section with a weight, and one without (weight 1)
    TopicClassifier classifier = marketsAndMusic("url:markets:2", "url:music");

    // when
    List<TopicMatch> bySection = classifier.classify("Quiet day", "", "https://example.com/News/Markets/quiet-day?src=music#music");
    List<TopicMatch> byBoth = classifier.classify("Stocks fall", "", "https://example.com/music/2014/stocks-fall");
    List<TopicMatch> bySlug = classifier.classify("Quiet day", "", "https://example.com/news/markets-quiet-day");
    List<TopicMatch> withoutUrl = classifier.classify("Quiet day", "", null);

    // then: only whole path segments count, not the query, the fragment or words of a slug
    assertThat(bySection).extracting(TopicMatch::name).containsExactly("markets");
    assertThat(bySection.get(0).score()).isEqualTo(3.17); // 2 * log2(1 + 2)
    assertThat(byBoth).extracting(TopicMatch::name).containsExactly("markets", "music");
    assertThat(byBoth.get(1).score()).isEqualTo(1.585);
    assertThat(bySlug).isEmpty();
    assertThat(withoutUrl).isEmpty();
  }

  @Test
  void shouldCountAnOutletOfOneTopicAsAHeadlineMention() {
    // given: an outlet, a section of a general site, and a domain written with www.
    TopicClassifier classifier = marketsAndMusic("site:money.example.com:2", "site:www.Tunes.example");

    // when
    List<TopicMatch> bySection = classifier.classify("Quiet day", "", "https://money.example.com/2014/quiet-day");
    List<TopicMatch> bySubdomain = classifier.classify("Quiet day", "", "https://www.tunes.example:8443/quiet-day");
    List<TopicMatch> byBoth = classifier.classify("Stocks fall", "", "http://user@Tunes.Example/stocks-fall");
    List<TopicMatch> otherSection = classifier.classify("Quiet day", "", "https://example.com/money.example.com/quiet-day");
    List<TopicMatch> lookalike = classifier.classify("Quiet day", "", "https://notmoney.example.com/quiet-day");
    List<TopicMatch> inQuery = classifier.classify("Quiet day", "", "https://example.org/?via=tunes.example");

    // then: the host or a parent domain of it, never a longer name that merely ends the same
    assertThat(bySection).extracting(TopicMatch::name).containsExactly("markets");
    assertThat(bySection.get(0).score()).isEqualTo(3.17); // 2 * log2(1 + 2)
    assertThat(bySubdomain).extracting(TopicMatch::name).containsExactly("music");
    assertThat(byBoth).extracting(TopicMatch::name).containsExactly("markets", "music");
    assertThat(byBoth.get(1).score()).isEqualTo(1.585);
    assertThat(otherSection).isEmpty();
    assertThat(lookalike).isEmpty();
    assertThat(inQuery).isEmpty();
  }

  @Test
  void shouldReadTheHostOfAUrl() {
    assertThat(TopicClassifier.host("https://User:pw@WWW.Example.co.uk:8080/a?b#c")).isEqualTo("www.example.co.uk");
    assertThat(TopicClassifier.host("http://example.com?x=1")).isEqualTo("example.com");
    assertThat(TopicClassifier.host("example.com/a")).isNull();
    assertThat(TopicClassifier.host("https:///a")).isNull();
  }

  @Test
  void shouldSplitAUrlPathIntoLowerCaseSegments() {
    assertThat(TopicClassifier.pathSegments("https://Example.com/News//Business/story-1?x=/a#/b"))
        .containsExactly("news", "business", "story-1");
    assertThat(TopicClassifier.pathSegments("https://example.com")).isEmpty();
    assertThat(TopicClassifier.pathSegments("https://example.com/?q=1")).isEmpty();
  }

  @Test
  void shouldReturnAllTopicsAboveTheThresholdStrongestFirst() {
    // given
    TopicClassifier classifier =
        classifier(
            Map.of(
                "enrich.topics.replace-defaults", "true",
                "enrich.topics.markets.terms", "stocks:2,bond*:1",
                "enrich.topics.climate.terms", "climate change:3,emissions:1"));

    // when
    List<TopicMatch> topics =
        classifier.classify("Stocks fall", "Bonds and stocks slid as climate change worries grew.");

    // then
    assertThat(topics).extracting(TopicMatch::name).containsExactly("markets", "climate");
    assertThat(topics.get(0).score()).isGreaterThan(topics.get(1).score());
  }

  @Test
  void shouldReturnNoTopicWhenNoneReachesTheThresholdInALongText() {
    // given
    TopicClassifier classifier =
        classifier(
            Map.of(
                "enrich.topics.replace-defaults", "true",
                "enrich.topics.markets.terms", "stocks:0.5",
                "enrich.topics.threshold", "1.0"));
    String body = "Stocks were quiet. " + "Nothing else happened today in the town. ".repeat(6);

    // when
    List<TopicMatch> topics = classifier.classify("", body);

    // then
    assertThat(topics).isEmpty();
  }

  @Test
  void shouldKeepTheStrongestTopicOfAShortTextWhenNoneReachesTheThreshold() {
    // given
    TopicClassifier classifier =
        classifier(
            Map.of(
                "enrich.topics.replace-defaults", "true",
                "enrich.topics.markets.terms", "stocks:0.5",
                "enrich.topics.climate.terms", "emissions:0.4",
                "enrich.topics.threshold", "3.0"));

    // when
    List<TopicMatch> topics = classifier.classify("Stocks quiet as emissions rules loom", "");

    // then
    assertThat(topics).containsExactly(new TopicMatch("markets", 0.792));
  }

  @Test
  void shouldReturnNoTopicForAShortTextWithoutAnyTaxonomyTerm() {
    // given
    TopicClassifier classifier =
        classifier(
            Map.of(
                "enrich.topics.replace-defaults", "true",
                "enrich.topics.markets.terms", "stocks:0.5"));

    // when
    List<TopicMatch> topics = classifier.classify("A quiet afternoon by the river", "");

    // then
    assertThat(topics).isEmpty();
  }

  @Test
  void shouldMatchPluralsAndPossessivesOfTaxonomyWordsAndPhrases() {
    // given
    TopicClassifier classifier =
        classifier(
            Map.of(
                "enrich.topics.replace-defaults", "true",
                "enrich.topics.tech.terms", "apple:1",
                "enrich.topics.markets.terms", "central bank:1",
                "enrich.topics.threshold", "0.1"));

    // when
    List<TopicMatch> possessive = classifier.classify("", "Apple's new phone");
    List<TopicMatch> plural = classifier.classify("", "Central banks meet");

    // then
    assertThat(possessive).containsExactly(new TopicMatch("tech", 1.0));
    assertThat(plural).containsExactly(new TopicMatch("markets", 1.0));
  }

  @Test
  void shouldPreferAnExactTaxonomyWordOverItsSingular() {
    // given
    TopicClassifier classifier =
        classifier(
            Map.of(
                "enrich.topics.replace-defaults", "true",
                "enrich.topics.markets.terms", "share:0.5,shares:2",
                "enrich.topics.threshold", "0.1"));

    // when
    List<TopicMatch> topics = classifier.classify("", "shares");

    // then
    assertThat(topics).containsExactly(new TopicMatch("markets", 2.0));
  }

  @Test
  void shouldClassifyHeadlinesByGeneralVocabularyOfEachTopic() {
    // given
    TopicClassifier defaults = new TopicClassifier(EnrichmentConfig.defaults());

    // when / then
    assertThat(defaults.classify("Goldman Sachs posts quarterly loss as trading slows", ""))
        .first().extracting(TopicMatch::name).isEqualTo("business");
    assertThat(defaults.classify("Angelina Jolie and Brad Pitt walk the red carpet", ""))
        .first().extracting(TopicMatch::name).isEqualTo("entertainment");
    assertThat(defaults.classify("Measles cases rise as parents skip vaccination", ""))
        .first().extracting(TopicMatch::name).isEqualTo("health");
    assertThat(defaults.classify("Astronomers spot a supernova in a nearby galaxy", ""))
        .first().extracting(TopicMatch::name).isEqualTo("science");
    assertThat(defaults.classify("Qualcomm unveils a faster chip for Android phones", ""))
        .first().extracting(TopicMatch::name).isEqualTo("technology");
  }

  @Test
  void shouldNotReadTheWordsOfCompanyAndCommodityNewsAsOtherTopics() {
    // given: words that also name a film director, a celebrity split, a marriage proposal, a
    // royal, a germ, a body organ, a hearing test or a day of the week, in business news
    TopicClassifier defaults = new TopicClassifier(EnrichmentConfig.defaults());

    // when / then
    assertThat(
            defaults.classify(
                "Directors back stock split",
                "The board of directors approved a two-for-one stock split and a proposal to raise the"
                    + " quarterly dividend. The company also said its royalty trust would pay holders on"
                    + " Wed, after the organization of its units."))
        .extracting(TopicMatch::name)
        .containsExactly("business");
    assertThat(
            defaults.classify(
                "German sugar and coffee imports fall",
                "West German imports of raw sugar and green coffee fell in January, traders said, and"
                    + " the Senate trade hearing on quotas was postponed."))
        .extracting(TopicMatch::name)
        .doesNotContain("health", "entertainment")
        .first()
        .isEqualTo("business");
    assertThat(defaults.classify("London rubber physicals closing", "Physical rubber prices were steady."))
        .extracting(TopicMatch::name)
        .containsExactly("business");
    assertThat(
            defaults.classify(
                "Acme Stores director resigns",
                "Acme Stores Inc said a director has resigned from its board of directors, effective"
                    + " immediately."))
        .extracting(TopicMatch::name)
        .containsExactly("business");
    // the words that were meant still count
    assertThat(defaults.classify("Bachelor star pops the question in the season finale", ""))
        .first().extracting(TopicMatch::name).isEqualTo("entertainment");
    assertThat(defaults.classify("Germs on hospital door handles spread flu, study finds", ""))
        .first().extracting(TopicMatch::name).isEqualTo("health");
  }

  @Test
  void shouldExplainEachTopicsScoreByTheTermsItMatched() {
    // given
    TopicClassifier classifier = marketsAndMusic("url:markets:1", "band*:1");
    List<String> title = WordTokenizer.normalizedWords("Stocks fall as the band's album tops the chart");
    List<String> body = WordTokenizer.normalizedWords("Stocks fell. The bands played.");
    String url = "https://example.com/markets/story";

    // when
    List<TopicMatch> topics = classifier.classify(title, body, url, (LanguageDetector.Detection) null, null);
    List<TopicClassifier.TermMatch> terms = classifier.explain(title, body, url, null, null);

    // then: every matched term once, with its counts, adding up to its topic's score
    assertThat(terms)
        .extracting(TopicClassifier.TermMatch::topic, TopicClassifier.TermMatch::term, TopicClassifier.TermMatch::bodyCount,
            TopicClassifier.TermMatch::titleCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("markets", "stocks", 1, 1),
            org.assertj.core.groups.Tuple.tuple("markets", "url:markets", 0, 1),
            org.assertj.core.groups.Tuple.tuple("music", "album", 0, 1),
            org.assertj.core.groups.Tuple.tuple("music", "band*", 1, 1));
    for (TopicMatch topic : topics) {
      double sum = terms.stream().filter(t -> t.topic().equals(topic.name())).mapToDouble(TopicClassifier.TermMatch::score).sum();
      assertThat(sum).isCloseTo(topic.score(), org.assertj.core.data.Offset.offset(0.001));
    }
    assertThat(terms.get(0).score()).isEqualTo(2 * Math.log(1 + 1 + 2) / Math.log(2));
    // a word and its prefix of the same weight are one matched term to the classifier
    assertThat(marketsAndMusic("shares:1", "album*:2").explain(title, body, url, null, null))
        .extracting(TopicClassifier.TermMatch::term)
        .contains("album, album*");
  }

  @Test
  void shouldCountAHeadlineMentionMoreThanABodyMention() {
    // given
    TopicClassifier classifier =
        classifier(
            Map.of(
                "enrich.topics.replace-defaults", "true",
                "enrich.topics.a.terms", "alpha:1",
                "enrich.topics.b.terms", "beta:1",
                "enrich.topics.threshold", "0.1"));

    // when
    List<TopicMatch> topics = classifier.classify("Beta", "Alpha.");

    // then
    assertThat(topics).extracting(TopicMatch::name).containsExactly("b", "a");
  }

  @Test
  void shouldMatchPrefixesAndPhrasesIgnoringCaseAndTypography() {
    // given
    TopicClassifier classifier =
        classifier(
            Map.of(
                "enrich.topics.replace-defaults", "true",
                "enrich.topics.health.terms", "e-cigarette*:2,public health:2",
                "enrich.topics.threshold", "3"));

    // when
    List<TopicMatch> topics = classifier.classify("", "E-Cigarettes worry Public  Health experts");

    // then
    assertThat(topics).extracting(TopicMatch::name).containsExactly("health");
    assertThat(topics.get(0).score()).isEqualTo(4.0);
  }

  @Test
  void shouldDropTopicsFarBelowTheStrongestAndKeepAtMostTheConfiguredNumber() {
    // given
    TopicClassifier classifier =
        classifier(
            Map.of(
                "enrich.topics.replace-defaults", "true",
                "enrich.topics.a.terms", "alpha:10",
                "enrich.topics.b.terms", "beta:1",
                "enrich.topics.c.terms", "gamma:9",
                "enrich.topics.d.terms", "delta:8",
                "enrich.topics.max", "2"));

    // when
    List<TopicMatch> topics = classifier.classify("", "alpha beta gamma delta");

    // then
    assertThat(topics).extracting(TopicMatch::name).containsExactly("a", "c");
  }

  @Test
  void shouldMatchTermsScopedToALanguageOnlyInArticlesOfThatLanguage() {
    // given
    TopicClassifier classifier =
        classifier(
            Map.of(
                "enrich.topics.replace-defaults", "true",
                "enrich.topics.politics.terms", "war:1,de:wahl*:2",
                "enrich.topics.sport.terms", "de:tore:2",
                "enrich.topics.threshold", "0.1"));

    // when
    List<TopicMatch> german = classifier.classify("", "Die Wahlen waren knapp, es war spannend", null, "de");
    List<TopicMatch> english = classifier.classify("", "Die Wahlen waren knapp, es war spannend", null, "en");
    List<TopicMatch> undetermined = classifier.classify("", "Die Wahlen waren knapp, es war spannend", null, null);
    List<TopicMatch> unscopedLanguage = classifier.classify("", "Stockholm war", null, "sv"); // no Swedish terms: the unscoped ones

    // then: a German article is read with the German terms only, so "war" (was) is no war
    assertThat(german).containsExactly(new TopicMatch("politics", 2.0));
    assertThat(english).containsExactly(new TopicMatch("politics", 1.0));
    assertThat(undetermined).isEqualTo(english);
    assertThat(unscopedLanguage).containsExactly(new TopicMatch("politics", 1.0));
    assertThat(classifier.scopedLanguages()).containsExactly("de");
  }

  @Test
  void shouldKeepSectionsAndOutletsForArticlesOfAScopedLanguage() {
    // given
    TopicClassifier classifier =
        classifier(
            Map.of(
                "enrich.topics.replace-defaults", "true",
                "enrich.topics.sport.terms", "url:sport:1,site:kicker.de:1,de:tore:2",
                "enrich.topics.threshold", "0.1"));

    // when
    List<TopicMatch> bySection = classifier.classify("Ruhiger Tag", "", "https://example.de/sport/a.html", "de");
    List<TopicMatch> byOutlet = classifier.classify("Ruhiger Tag", "", "https://www.kicker.de/a.html", "de");

    // then
    assertThat(bySection).containsExactly(new TopicMatch("sport", 1.585));
    assertThat(byOutlet).containsExactly(new TopicMatch("sport", 1.585));
  }

  @Test
  void shouldMatchFrenchAndItalianWordsAfterAnElidedArticle() {
    // given
    TopicClassifier classifier =
        classifier(
            Map.of(
                "enrich.topics.replace-defaults", "true",
                "enrich.topics.business.terms", "fr:inflation:1,fr:banque d'angleterre:2,it:economia:1",
                "enrich.topics.threshold", "0.1"));

    // when
    List<TopicMatch> elided = classifier.classify("", "L’inflation ralentit", null, "fr");
    List<TopicMatch> elidedInPhrase = classifier.classify("", "la Banque d’Angleterre", null, "fr");
    List<TopicMatch> italian = classifier.classify("", "Nell’economia italiana", null, "it");
    List<TopicMatch> notAnElision = classifier.classify("", "linflations", null, "de");

    // then
    assertThat(elided).containsExactly(new TopicMatch("business", 1.0));
    assertThat(elidedInPhrase).containsExactly(new TopicMatch("business", 2.0));
    assertThat(italian).containsExactly(new TopicMatch("business", 1.0));
    assertThat(notAnElision).isEmpty();
  }

  @Test
  void shouldClassifyGermanFrenchAndSpanishArticlesByTheDefaultTaxonomy() {
    // given
    TopicClassifier defaults = new TopicClassifier(EnrichmentConfig.defaults());

    // when
    List<TopicMatch> football =
        defaults.classify(
            "Bayern gewinnt Spitzenspiel gegen Dortmund",
            "Der FC Bayern München hat das Spitzenspiel der Fußball-Bundesliga gegen Borussia Dortmund mit 3:1"
                + " gewonnen. Die Mannschaft war von Beginn an überlegen, der Torwart der Gäste war chancenlos.",
            null,
            "de");
    List<TopicMatch> inflation =
        defaults.classify(
            "L’inflation ralentit en zone euro, la BCE pourrait baisser ses taux",
            "La hausse des prix à la consommation s’est établie à 2,1 % sur un an. La Banque centrale européenne"
                + " pourrait baisser ses taux d’intérêt, estiment les économistes.",
            null,
            "fr");
    List<TopicMatch> vaccine =
        defaults.classify(
            "Sanidad amplía la campaña de vacunación contra la gripe",
            "El Ministerio de Sanidad ha ampliado la campaña de vacunación contra la gripe a todos los mayores"
                + " de 60 años, ante el aumento de casos en los hospitales.",
            null,
            "es");

    // then
    assertThat(football).extracting(TopicMatch::name).containsExactly("sport");
    assertThat(inflation).first().extracting(TopicMatch::name).isEqualTo("business");
    assertThat(vaccine).first().extracting(TopicMatch::name).isEqualTo("health");
    assertThat(defaults.scopedLanguages()).contains("de", "fr", "es", "it", "pt", "nl");
  }

  @Test
  void shouldClassifyChineseJapaneseAndKoreanArticlesByTheDefaultTaxonomy() {
    // given: Chinese and Japanese terms match as runs of characters, Korean ones before particles
    TopicClassifier defaults = new TopicClassifier(EnrichmentConfig.defaults());

    // when
    List<TopicMatch> football =
        defaults.classify(
            "国足世界杯预选赛客场告负",
            "中国男子足球队在世界杯预选赛中客场以零比二负于对手。主教练赛后表示，球队在进攻端缺乏办法。",
            null,
            "zh");
    List<TopicMatch> rates =
        defaults.classify(
            "日銀 追加利上げを検討",
            "日本銀行は、来週の金融政策決定会合で追加の利上げを検討する見通しです。東京株式市場では銀行株が値上がりしました。",
            null,
            "ja");
    List<TopicMatch> impeachment =
        defaults.classify(
            "대통령 탄핵안 국회 통과",
            "대통령에 대한 탄핵소추안이 7일 국회 본회의에서 가결됐다. 야당은 즉각 환영했다.",
            null,
            "ko");
    List<TopicMatch> chineseReadAsJapanese =
        defaults.classify("国足世界杯预选赛客场告负", "中国男子足球队在世界杯预选赛中客场以零比二负于对手。", null, "ja");

    // then
    assertThat(football).extracting(TopicMatch::name).containsExactly("sport");
    assertThat(rates).extracting(TopicMatch::name).containsExactly("business");
    assertThat(impeachment).extracting(TopicMatch::name).containsExactly("politics");
    assertThat(chineseReadAsJapanese).extracting(TopicMatch::name).doesNotContain("sport");
    assertThat(defaults.scopedLanguages()).contains("zh", "ja", "ko");
  }

  @Test
  void shouldUseTheTermsOfADetectedLanguageOnlyWhenTheDetectionIsSureEnoughForTheTextsLength() {
    // given
    TopicClassifier classifier =
        classifier(
            Map.of(
                "enrich.topics.replace-defaults", "true",
                "enrich.topics.politics.terms", "war:1,de:wahl:2",
                "enrich.topics.threshold", "0.1"));
    List<String> headline = WordTokenizer.normalizedWords("Die Wahl war knapp");
    List<String> longText = WordTokenizer.normalizedWords("Die Wahl war knapp. " + "Mehr Text. ".repeat(30));
    LanguageDetector.Detection sure = new LanguageDetector.Detection("de", 0.8);
    LanguageDetector.Detection fair = new LanguageDetector.Detection("de", 0.2);
    LanguageDetector.Detection unsure = new LanguageDetector.Detection("de", 0.1);
    List<TopicMatch> german = List.of(new TopicMatch("politics", 2.0));
    List<TopicMatch> english = List.of(new TopicMatch("politics", 1.0));

    // when / then: a headline needs a surer detection than a longer text
    assertThat(classifier.classify(List.of(), headline, null, sure, null)).isEqualTo(german);
    assertThat(classifier.classify(List.of(), headline, null, fair, null)).isEqualTo(english);
    assertThat(classifier.classify(List.of(), longText, null, sure, null)).isEqualTo(german);
    assertThat(classifier.classify(List.of(), longText, null, fair, null)).isEqualTo(german);
    assertThat(classifier.classify(List.of(), longText, null, unsure, null)).isEqualTo(english);
    assertThat(classifier.classify(List.of(), longText, null, null, null)).isEqualTo(english);
    // a language the client declared and the detector found, however unsure, is the language
    assertThat(classifier.classify(List.of(), headline, null, unsure, "de")).isEqualTo(german);
    assertThat(classifier.classify(List.of(), headline, null, unsure, "DE")).isEqualTo(german);
    assertThat(classifier.classify(List.of(), headline, null, unsure, "nl")).isEqualTo(english);
  }
}
