package io.newsstream.benchmarks.quality;

import io.newsstream.benchmarks.Corpus;
import io.newsstream.benchmarks.CorpusArticle;
import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.dedup.ContainmentSketch;
import io.newsstream.processor.enrich.DefaultArticleEnricher;
import io.newsstream.processor.enrich.EnrichmentConfig;
import io.newsstream.processor.enrich.LanguageDetector;
import io.newsstream.processor.enrich.SimHasher;
import io.newsstream.processor.enrich.WordTokenizer;
import io.newsstream.processor.enrich.quality.TopicAccuracyReport;
import io.newsstream.schemas.avro.DuplicateKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The quality report of issue 4 ({@code ./newsstream quality}): top-topic accuracy on the UCI
 * headlines, printed by the processor's own {@link TopicAccuracyReport}, then duplicate recall,
 * precision and false-positive rate of the real topology on Reuters-21578 (see {@link
 * DedupCases} for what is submitted and {@link DedupTally} for the arithmetic), the misses and
 * false positives explained, and what other SimHash distances would have given. Reads the
 * corpus from {@code <repo>/../shared/corpus}; prints to stdout. Figures in docs/quality.md.
 */
public final class QualityReport {

  static {
    // The same quiet logging as the benchmark harnesses: libraries speak up only on trouble.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "logback-bench.xml");
    }
  }

  static final String USAGE = String.join(System.lineSeparator(),
      "usage: ./newsstream quality [options]",
      "  --variants N     distinct Reuters articles sampled for generated variants (default 1000)",
      "  --seed N         seed of the sample and the generated edits (default 42)",
      "  --limit N        only the first N usable Reuters articles (default: all, about 19,970)",
      "  --corpus-dir DIR default <repo>/../shared/corpus",
      "  --skip-topics    only the duplicate report",
      "  --examples N     misses and false positives listed per category (default 5)",
      "  --distance N     near-duplicate SimHash distance to measure instead of the processor's default ("
          + ProcessorConfig.NEAR_DUPLICATE_DISTANCE_DEFAULT + ")",
      "  --containment X  near-duplicate containment share to measure instead of the default ("
          + ProcessorConfig.NEAR_DUPLICATE_CONTAINMENT_DEFAULT + "; 0 = off)",
      "  --max-published-gap D  near-duplicate publication-time guard to measure instead of the default ("
          + ProcessorConfig.NEAR_DUPLICATE_MAX_PUBLISHED_GAP_DEFAULT.toHours() + "h), as 12h, 30m or 0 (no guard)",
      "  --false-positives FILE  also write every dropped distinct article with the article it was matched to",
      "                   (JSON lines: category, ids, titles, publication times, bodies), for labelling");

  private static final double TARGET_RECALL = 0.95;
  private static final double TARGET_FALSE_POSITIVE_RATE = 0.01;
  private static final double TARGET_TOPIC_ACCURACY = 0.85;
  /** Word-shingle resemblance above which a "false positive" is a copy the corpus itself holds. */
  static final double NEAR_COPY_RESEMBLANCE = 0.8;
  /** The processor's default containment share and growth bound, as the categories' rule. */
  static final double NEAR_COPY_CONTAINMENT = ProcessorConfig.NEAR_DUPLICATE_CONTAINMENT_DEFAULT;
  static final double NEAR_COPY_GROWTH = ContainmentSketch.MAX_GROWTH;

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
  private static final java.util.regex.Pattern FIGURE = java.util.regex.Pattern.compile("\\d+(?:[.,/-]\\d+)*");

  private final PrintStream out = System.out;
  private final int examples;
  private final Path falsePositivesFile;

  private final int distance;
  private final double containment;

  private final Duration maxPublishedGap;

  private QualityReport(int examples, Path falsePositivesFile, int distance, double containment, Duration maxPublishedGap) {
    this.examples = examples;
    this.falsePositivesFile = falsePositivesFile;
    this.distance = distance;
    this.containment = containment;
    this.maxPublishedGap = maxPublishedGap;
  }

  /** A duration as {@code 12h}, {@code 30m}, {@code 90s}, {@code 2d} or {@code 0}. */
  public static Duration duration(String text) {
    var m = java.util.regex.Pattern.compile("(\\d+)([dhms]?)").matcher(text.strip());
    if (!m.matches() || (m.group(2).isEmpty() && !m.group(1).equals("0"))) {
      throw new IllegalArgumentException("not a duration (12h, 30m, 90s, 2d or 0): " + text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "d" -> Duration.ofDays(n);
      case "h" -> Duration.ofHours(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofSeconds(n);
    };
  }

  /**
   * The whole number given as {@code --name}, from {@code min} to {@code max}, or {@code
   * defaultValue}; a wrong value is an error naming the option.
   */
  static long number(Map<String, String> options, String name, long defaultValue, long min, long max) {
    String value = options.get(name);
    if (value == null) {
      return defaultValue;
    }
    long parsed;
    try {
      parsed = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, was " + value, e);
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException("--" + name + " must be from " + min + " to " + max + ", was " + value);
    }
    return parsed;
  }

  public static void main(String[] args) throws IOException {
    // As the processor runs it (Application.main).
    LanguageDetector.runLinguaInCallingThreads();
    Map<String, String> options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (options.containsKey("help")) {
      System.out.println(USAGE);
      return;
    }
    Path root = Path.of(System.getProperty("newsstream.repo.root", ".")).toAbsolutePath().normalize();
    Path corpusDir = Path.of(options.getOrDefault("corpus-dir", root.resolve("../shared/corpus").normalize().toString()));
    Path falsePositives = options.containsKey("false-positives") ? Path.of(options.get("false-positives")) : null;
    int variants;
    long seed;
    int limit;
    int examples;
    int distance;
    double containment;
    Duration maxPublishedGap;
    Consumer<ProcessorConfig> settings;
    try {
      variants = (int) number(options, "variants", 1000, 0, Integer.MAX_VALUE);
      seed = number(options, "seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
      limit = (int) number(options, "limit", 0, 0, Integer.MAX_VALUE);
      examples = (int) number(options, "examples", 5, 0, Integer.MAX_VALUE);
      distance = (int) number(options, "distance", ProcessorConfig.NEAR_DUPLICATE_DISTANCE_DEFAULT, Integer.MIN_VALUE, Integer.MAX_VALUE);
      String share = options.getOrDefault("containment", String.valueOf(ProcessorConfig.NEAR_DUPLICATE_CONTAINMENT_DEFAULT));
      try {
        containment = Double.parseDouble(share);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--containment must be a number, was " + share, e);
      }
      maxPublishedGap = options.containsKey("max-published-gap")
          ? duration(options.get("max-published-gap"))
          : ProcessorConfig.NEAR_DUPLICATE_MAX_PUBLISHED_GAP_DEFAULT;
      int d = distance;
      double c = containment;
      Duration gap = maxPublishedGap;
      settings = config -> {
        config.setNearDuplicateDistance(d);
        config.setNearDuplicateContainment(c);
        config.setNearDuplicateMaxPublishedGap(gap);
      };
      // An invalid setting stops here with the processor's own message, before any work.
      settings.accept(new ProcessorConfig());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }

    System.out.println("== Newsstream quality report (targets of issue 4)");
    System.out.println("corpus: " + corpusDir);
    if (!options.containsKey("skip-topics")) {
      System.out.println();
      System.out.println("== 1. Topics: top-topic accuracy (target >= " + TARGET_TOPIC_ACCURACY
          + " on the labels that map to our topics)");
      System.out.println("   (io.newsstream.processor.enrich.quality.TopicAccuracyReport, default taxonomy: the UCI"
          + " headlines, then the topics given to wire copy)");
      TopicAccuracyReport.main(
          new String[] {
            corpusDir.resolve("uci_news_aggregator_sample.jsonl").toString(),
            corpusDir.resolve("reuters21578.jsonl").toString()
          });
    }
    System.out.println();
    QualityReport report = new QualityReport(examples, falsePositives, distance, containment, maxPublishedGap);
    report.dedup(corpusDir.resolve("reuters21578.jsonl"), variants, seed, limit, settings);
    report.lightEdits(corpusDir.resolve("samples/moneycontrol-whatsapp-nso.json"), seed);
  }

  /** How the near-duplicate rules take light edits of the corpus' sample article. */
  private void lightEdits(Path sample, long seed) throws IOException {
    if (!Files.exists(sample)) {
      out.println("   (no " + sample + ": light edits skipped)");
      return;
    }
    var json = JSON.readTree(sample.toFile());
    new LightEdits(new DefaultArticleEnricher(EnrichmentConfig.defaults()), out)
        .print(sample.getFileName().toString(), json.path("url").asText(), json.path("title").asText(), json.path("body").asText(),
            distance, 200, seed);
  }

  private void dedup(Path reuters, int variantSample, long seed, int limit, Consumer<ProcessorConfig> settings)
      throws IOException {
    out.println("== 2. Duplicates: the real topology (TopologyFactory + DefaultArticleEnricher, processor settings below) "
        + "in TopologyTestDriver");
    List<CorpusArticle> corpus = Corpus.load(reuters).stream().filter(DedupCases::hasRealBody).toList();
    if (limit > 0 && limit < corpus.size()) {
      corpus = corpus.subList(0, limit);
      out.printf(Locale.ROOT, "   only the first %,d usable articles (--limit)%n", limit);
    }
    List<DedupCase> cases = DedupCases.build(corpus, variantSample, seed);
    Map<CaseKind, Long> byKind = cases.stream().collect(Collectors.groupingBy(DedupCase::kind, LinkedHashMap::new, Collectors.counting()));
    out.printf(Locale.ROOT, "   %,d Reuters articles with a real body (placeholder 'Blah blah blah.' items skipped), "
        + "variants of %,d sampled distinct articles (seed %d)%n", corpus.size(), Math.min(variantSample, byKind.get(CaseKind.DISTINCT)), seed);
    out.println("   near-duplicate distance " + distance + ", containment " + containment + ", publication gap "
        + (maxPublishedGap.isZero() ? "unlimited" : maxPublishedGap.toString().substring(2).toLowerCase(Locale.ROOT)) + ", mode "
        + ProcessorConfig.NEAR_DUPLICATE_MODE_DEFAULT + ", retention " + ProcessorConfig.DEDUP_RETENTION_DEFAULT
        + " (all submissions 1 s apart, so all meet, each with its publication time); RocksDB stores");
    out.println("   submissions: " + byKind);

    EnrichmentConfig enrichment = EnrichmentConfig.defaults();
    DefaultArticleEnricher enricher = new DefaultArticleEnricher(enrichment);
    Path stateDir = Files.createTempDirectory("newsstream-quality");
    DedupQualityRun run = new DedupQualityRun(enricher, enrichment, stateDir, out, settings);
    long started = System.nanoTime();
    List<DedupQualityRun.Result> results = run.run(cases);
    out.printf(Locale.ROOT, "   topology run: %.0f s%n", (System.nanoTime() - started) / 1e9);

    Map<String, DedupCase> byArticleId = new HashMap<>();
    for (DedupCase c : cases) {
      byArticleId.put(run.articleId(c), c);
    }
    Attribution attribution = new Attribution();
    Map<String, String> articleIdByRoot = new HashMap<>();
    for (DedupQualityRun.Result r : results) {
      String articleId = run.articleId(r.c());
      if (r.verdict() == DedupTally.Verdict.EMITTED) {
        attribution.emitted(articleId);
      } else if (r.verdict() == DedupTally.Verdict.DROPPED) {
        attribution.dropped(articleId, r.report().getDuplicateOf());
      }
      if (r.c().kind() == CaseKind.DISTINCT) {
        articleIdByRoot.put(r.c().rootId(), articleId);
      }
    }
    DedupTally tally = new DedupTally();
    List<DedupQualityRun.Result> falsePositives = new ArrayList<>();
    long drops = 0;
    long namingUnemitted = 0;
    for (DedupQualityRun.Result r : results) {
      boolean againstRoot = false;
      if (r.report() != null) {
        String duplicateOf = r.report().getDuplicateOf();
        DedupCase target = byArticleId.get(duplicateOf);
        // Right: an article of the same original, or what consumers have for the original when it
        // was dropped itself.
        String rootStandIn = attribution.standIn(articleIdByRoot.get(r.c().rootId()));
        againstRoot =
            target != null
                && (target.rootId().equals(r.c().rootId()) || (rootStandIn != null && rootStandIn.equals(attribution.standIn(duplicateOf))));
        if (!r.c().kind().expectedDuplicate()) {
          falsePositives.add(r);
        }
        if (r.verdict() == DedupTally.Verdict.DROPPED) {
          drops++;
          if (!attribution.wasEmitted(duplicateOf)) {
            namingUnemitted++;
          }
        }
      }
      tally.record(r.c(), r.verdict(), r.report() == null ? null : r.report().getKind().name(), againstRoot);
    }

    printTable(tally);
    out.printf(Locale.ROOT, "   drops naming an article that was not emitted:       %d of %d%n", namingUnemitted, drops);
    Map<String, Long> simhashes = simhashes(results, run);
    printFalsePositives(falsePositives, byArticleId);
    printMisses(results, simhashes);
    printThresholds(results, simhashes);
    printShingleWhatIf(results);
    deleteQuietly(stateDir);
  }

  private void printTable(DedupTally tally) {
    out.println();
    out.println("   kind                            submitted   dropped   drop rate   vs right original   kinds reported");
    for (CaseKind kind : CaseKind.values()) {
      DedupTally.Counts c = tally.counts(kind);
      out.printf(Locale.ROOT, "   %-31s %9d %9d %11.3f %19s   %s%s%n", kind.label(), c.submitted(), c.dropped(), c.dropRate(),
          kind.expectedDuplicate() ? String.format(Locale.ROOT, "%d", c.droppedAgainstRoot()) : "-", c.dropKinds(),
          c.lost() > 0 ? "  (" + c.lost() + " dead letters)" : "");
    }
    DedupTally.Counts distinct = tally.counts(CaseKind.DISTINCT);
    double recall = tally.recallInTarget();
    double fpr = tally.falsePositiveRate();
    out.println();
    out.printf(Locale.ROOT, "   recall, identical bodies + the four single edits:  %.3f   (target >= %.2f) %s%n", recall, TARGET_RECALL,
        verdict(recall >= TARGET_RECALL));
    out.printf(Locale.ROOT, "   recall, all four edits at once (not in target):    %.3f%n", tally.recall(CaseKind.ALL_FOUR));
    out.printf(Locale.ROOT, "   precision (drops that were duplicates / all drops): %.4f%n", tally.precision());
    out.printf(Locale.ROOT, "   false-positive rate (distinct articles dropped):    %.4f   (%d of %d; target <= %.2f) %s%n", fpr,
        distinct.dropped(), distinct.submitted(), TARGET_FALSE_POSITIVE_RATE, verdict(fpr <= TARGET_FALSE_POSITIVE_RATE));
    double templateFpr = tally.templateFalsePositiveRate();
    out.printf(Locale.ROOT, "   false-positive rate on same-title template reports: %.4f   (%d of %d articles that share their title "
        + "with a different body published %d h or more apart; target <= %.2f) %s%n", templateFpr, distinct.templateDropped(),
        distinct.templateSubmitted(), DedupCases.TEMPLATE_MIN_GAP.toHours(), TARGET_FALSE_POSITIVE_RATE,
        verdict(templateFpr <= TARGET_FALSE_POSITIVE_RATE));
  }

  private void printFalsePositives(List<DedupQualityRun.Result> falsePositives, Map<String, DedupCase> byArticleId)
      throws IOException {
    List<String> dump = new ArrayList<>();
    out.println();
    out.println("   distinct articles dropped, by what separates them from the article they were matched to");
    out.println("   (J = word 3-shingle Jaccard of the bodies; figures = the numbers in the bodies):");
    List<String> reissues = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    List<String> otherFigures = new ArrayList<>();
    List<String> otherText = new ArrayList<>();
    long templates = 0;
    Map<String, Integer> templatesBy = new java.util.LinkedHashMap<>();
    for (DedupQualityRun.Result r : falsePositives) {
      DedupCase target = byArticleId.get(r.report().getDuplicateOf());
      double resemblance = target == null ? Double.NaN : resemblance(r.c().body(), target.body());
      String line = String.format(Locale.ROOT, "%s %s d=%s J=%.2f%s: \"%s\" ~ %s \"%s\"", r.c().corpusId(), r.report().getKind(),
          r.report().getDistance(), resemblance, r.c().template() ? " template" : "", abbreviate(r.c().title()),
          target == null ? "?" : target.corpusId(), target == null ? "" : abbreviate(target.title()));
      String category;
      if (resemblance < NEAR_COPY_RESEMBLANCE && target != null && contains(target.body(), r.c().body())) {
        versions.add(line);
        category = "versions";
      } else if (resemblance < NEAR_COPY_RESEMBLANCE) {
        otherText.add(line);
        category = "other text";
      } else if (target != null && !figures(r.c().body()).equals(figures(target.body()))) {
        otherFigures.add(line);
        category = "other figures";
      } else {
        reissues.add(line);
        category = "re-issues";
      }
      if (r.c().template()) {
        templates++;
        templatesBy.merge(category, 1, Integer::sum);
      }
      if (falsePositivesFile != null) {
        var node = JSON.createObjectNode();
        node.put("category", category).put("kind", r.report().getKind().toString()).put("distance", r.report().getDistance())
            .put("jaccard", resemblance).put("template", r.c().template());
        node.put("id", r.c().corpusId()).put("title", r.c().title())
            .put("publishedAt", String.valueOf(r.c().publishedAt())).put("body", r.c().body());
        if (target != null) {
          node.put("matchId", target.corpusId()).put("matchTitle", target.title())
              .put("matchPublishedAt", String.valueOf(target.publishedAt())).put("matchBody", target.body());
        }
        dump.add(JSON.writeValueAsString(node));
      }
    }
    out.printf(Locale.ROOT, "     J >= %.1f, same figures (Reuters re-issued the story; right to drop): %d%n", NEAR_COPY_RESEMBLANCE,
        reissues.size());
    reissues.stream().limit(examples).forEach(l -> out.println("       " + l));
    out.printf(Locale.ROOT, "     J >= %.1f, different figures (same wording, another event or a corrected figure: wrong drops): %d%n",
        NEAR_COPY_RESEMBLANCE, otherFigures.size());
    otherFigures.stream().limit(examples * 3L).forEach(l -> out.println("       " + l));
    out.printf(Locale.ROOT, "     J <  %.1f, but one body holds >= %.0f %% of the other's shingles and all its figures, and the later"
        + " is at most %.1f x as long (a shorter or slightly longer version of one story; right to drop): %d%n",
        NEAR_COPY_RESEMBLANCE, 100 * NEAR_COPY_CONTAINMENT, NEAR_COPY_GROWTH, versions.size());
    versions.stream().limit(examples).forEach(l -> out.println("       " + l));
    out.printf(Locale.ROOT, "     J <  %.1f, otherwise (different text: wrong drops): %d%n", NEAR_COPY_RESEMBLANCE, otherText.size());
    otherText.stream().limit(examples * 3L).forEach(l -> out.println("       " + l));
    out.printf(Locale.ROOT, "     of all %d, %d are template reports %s%n", falsePositives.size(), templates, templatesBy);
    if (falsePositivesFile != null) {
      Files.write(falsePositivesFile, dump);
      out.println("     all of them, with both bodies: " + falsePositivesFile.toAbsolutePath());
    }
  }

  /** The numbers of a text (amounts, dates, percentages) in order of appearance. */
  static List<String> figures(String text) {
    List<String> figures = new ArrayList<>();
    var matcher = FIGURE.matcher(text);
    while (matcher.find()) {
      figures.add(matcher.group());
    }
    return figures;
  }

  private void printMisses(List<DedupQualityRun.Result> results, Map<String, Long> simhashes) {
    out.println();
    out.println("   SimHash distance of each expected duplicate to its original (cleaned body; title not hashed):");
    out.println("   kind                            median   p90   share<=d    missed   examples of misses (id, distance, words)");
    for (CaseKind kind : CaseKind.values()) {
      if (!kind.expectedDuplicate()) {
        continue;
      }
      List<Integer> distances = new ArrayList<>();
      List<String> missed = new ArrayList<>();
      for (DedupQualityRun.Result r : results) {
        if (r.c().kind() != kind) {
          continue;
        }
        int d = SimHasher.hammingDistance(simhashes.get(r.c().eventId()), simhashes.get("reuters-" + r.c().rootId()));
        distances.add(d);
        if (r.verdict() != DedupTally.Verdict.DROPPED) {
          missed.add(r.c().corpusId().replace("reuters21578-", "") + "/d" + d + "/" + WordTokenizer.count(r.c().body()) + "w");
        }
      }
      if (distances.isEmpty()) {
        continue;
      }
      distances.sort(Comparator.naturalOrder());
      long within = distances.stream().filter(d -> d <= distance).count();
      out.printf(Locale.ROOT, "   %-31s %6d %5d %10.3f %8d   %s%n", kind.label(), distances.get(distances.size() / 2),
          distances.get((int) Math.min(distances.size() - 1, Math.round(distances.size() * 0.9))),
          (double) within / distances.size(), missed.size(), String.join(" ", missed.subList(0, Math.min(examples * 2, missed.size()))));
    }
  }

  /**
   * What-if over the SimHash threshold: a duplicate counts as caught at distance d when it was
   * dropped by an exact step or lies within d of its original; a distinct article counts as a
   * false positive at d when an earlier distinct article lies within d (candidate caps ignored).
   */
  private void printThresholds(List<DedupQualityRun.Result> results, Map<String, Long> simhashes) {
    List<DedupQualityRun.Result> distinct = results.stream().filter(r -> r.c().kind() == CaseKind.DISTINCT).toList();
    long[] hashes = new long[distinct.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = simhashes.get(distinct.get(i).c().eventId());
    }
    int[] nearestEarlier = new int[hashes.length];
    Arrays.fill(nearestEarlier, 65);
    for (int i = 1; i < hashes.length; i++) {
      int best = 65;
      long h = hashes[i];
      for (int j = 0; j < i; j++) {
        int d = Long.bitCount(h ^ hashes[j]);
        if (d < best) {
          best = d;
        }
      }
      nearestEarlier[i] = best;
    }
    out.println();
    out.println("   what-if: other near-duplicate distances (same SimHash; exact kinds unchanged)");
    out.println("   distance   recall(identical+single edits)   recall(all four)   false-positive rate   template FP rate");
    for (int d = 0; d <= 12; d++) {
      long[] caught = new long[2];
      long[] total = new long[2];
      for (DedupQualityRun.Result r : results) {
        if (!r.c().kind().expectedDuplicate()) {
          continue;
        }
        int slot = r.c().kind().inTarget() ? 0 : 1;
        total[slot]++;
        boolean exact = r.report() != null && r.report().getKind() != DuplicateKind.NEAR_DUPLICATE;
        int distance = SimHasher.hammingDistance(simhashes.get(r.c().eventId()), simhashes.get("reuters-" + r.c().rootId()));
        if (exact || distance <= d) {
          caught[slot]++;
        }
      }
      long fp = 0;
      long templateFp = 0;
      long templates = 0;
      for (int i = 0; i < nearestEarlier.length; i++) {
        boolean hit = nearestEarlier[i] <= d;
        if (hit) {
          fp++;
        }
        if (distinct.get(i).c().template()) {
          templates++;
          if (hit) {
            templateFp++;
          }
        }
      }
      out.printf(Locale.ROOT, "   %8d%s %32.3f %18.3f %21.4f %18.4f%n", d, d == distance ? "*" : " ",
          DedupTally.ratio(caught[0], total[0]), DedupTally.ratio(caught[1], total[1]), DedupTally.ratio(fp, hashes.length),
          DedupTally.ratio(templateFp, templates));
    }
    out.println("   (* the default; FP here counts any earlier distinct article within d, as the topology would)");
  }

  /**
   * What-if: the near-duplicate test as a word-shingle comparison instead of a SimHash distance
   * (see {@link ShingleWhatIf}); exact kinds unchanged.
   */
  private void printShingleWhatIf(List<DedupQualityRun.Result> results) {
    Map<String, long[]> shingles = new HashMap<>();
    Map<String, Set<String>> figures = new HashMap<>();
    for (DedupQualityRun.Result r : results) {
      shingles.put(r.c().eventId(), ShingleWhatIf.shingles(r.c().body()));
      figures.put(r.c().eventId(), new HashSet<>(figures(r.c().body())));
    }
    List<DedupQualityRun.Result> distinct = results.stream().filter(r -> r.c().kind() == CaseKind.DISTINCT).toList();
    List<ShingleWhatIf.Nearest> nearest =
        ShingleWhatIf.nearestEarlier(
            distinct.stream().map(r -> shingles.get(r.c().eventId())).toList(),
            distinct.stream().map(r -> figures.get(r.c().eventId())).toList());
    List<ShingleWhatIf.Similarity> toRoot = new ArrayList<>();
    List<Boolean> guardToRoot = new ArrayList<>();
    List<DedupQualityRun.Result> duplicates = new ArrayList<>();
    for (DedupQualityRun.Result r : results) {
      if (r.c().kind().expectedDuplicate()) {
        duplicates.add(r);
        String root = "reuters-" + r.c().rootId();
        toRoot.add(ShingleWhatIf.compare(shingles.get(r.c().eventId()), shingles.get(root)));
        guardToRoot.add(ShingleWhatIf.figuresCompatible(figures.get(r.c().eventId()), shingles.get(r.c().eventId()).length,
            figures.get(root), shingles.get(root).length));
      }
    }
    out.println();
    out.println("   what-if: near-duplicate = word 3-shingle Jaccard or containment (shared / smaller set) above a threshold;");
    out.println("   '+ figures': and every number of the shorter text occurs in the longer one");
    out.println("   rule                          recall(identical+single edits)   recall(all four)   false-positive rate   template FP rate");
    String[] names = {"jaccard >= 0.9", "jaccard >= 0.8", "jaccard >= 0.7", "jaccard >= 0.6", "jaccard >= 0.5",
        "containment >= 0.95", "containment >= 0.9", "containment >= 0.8", "containment >= 0.7"};
    double[] thresholds = {0.9, 0.8, 0.7, 0.6, 0.5, 0.95, 0.9, 0.8, 0.7};
    for (boolean guard : new boolean[] {false, true}) {
      for (int rule = 0; rule < names.length; rule++) {
        boolean jaccard = rule < 5;
        double t = thresholds[rule];
        long[] caught = new long[2];
        long[] total = new long[2];
        for (int i = 0; i < duplicates.size(); i++) {
          DedupQualityRun.Result r = duplicates.get(i);
          int slot = r.c().kind().inTarget() ? 0 : 1;
          total[slot]++;
          boolean exact = r.report() != null && r.report().getKind() != DuplicateKind.NEAR_DUPLICATE;
          ShingleWhatIf.Similarity s = toRoot.get(i);
          boolean near = (jaccard ? s.jaccard() : s.containment()) >= t && (!guard || guardToRoot.get(i));
          if (exact || near) {
            caught[slot]++;
          }
        }
        long fp = 0;
        long templates = 0;
        long templateFp = 0;
        for (int i = 0; i < distinct.size(); i++) {
          ShingleWhatIf.Similarity s = guard ? nearest.get(i).guarded() : nearest.get(i).any();
          boolean hit = (jaccard ? s.jaccard() : s.containment()) >= t;
          fp += hit ? 1 : 0;
          if (distinct.get(i).c().template()) {
            templates++;
            templateFp += hit ? 1 : 0;
          }
        }
        out.printf(Locale.ROOT, "   %-29s %31.3f %18.3f %21.4f %18.4f%n", names[rule] + (guard ? " + figures" : ""),
            DedupTally.ratio(caught[0], total[0]), DedupTally.ratio(caught[1], total[1]), DedupTally.ratio(fp, distinct.size()),
            DedupTally.ratio(templateFp, templates));
      }
    }
    out.println("   (FP: a distinct-body article with an earlier distinct article at or above the threshold; many are");
    out.println("    Reuters' own re-issues of one story, see the false-positive list above)");
  }

  /** SimHash per eventId: from articles.enriched where the case came out, else from the enricher. */
  private static Map<String, Long> simhashes(List<DedupQualityRun.Result> results, DedupQualityRun run) {
    Map<String, Long> simhashes = new HashMap<>();
    for (DedupQualityRun.Result r : results) {
      simhashes.put(r.c().eventId(), r.simhash() != null ? r.simhash() : run.simhash(r.c()));
    }
    return simhashes;
  }

  /** Jaccard resemblance of the two texts' word 3-shingle sets. */
  /**
   * Exactly (all shingles, not a sketch) what the processor's containment rule estimates: the
   * later body holds nothing new, or is the earlier one with a little added.
   */
  static boolean contains(String earlier, String later) {
    Set<String> e = shingles(earlier);
    Set<String> l = shingles(later);
    Set<String> figuresEarlier = new HashSet<>(figures(earlier));
    Set<String> figuresLater = new HashSet<>(figures(later));
    if (l.isEmpty() || e.isEmpty()) {
      return false;
    }
    Set<String> shared = new HashSet<>(l);
    shared.retainAll(e);
    boolean laterInEarlier = shared.size() >= NEAR_COPY_CONTAINMENT * l.size() && figuresEarlier.containsAll(figuresLater);
    boolean earlierInLater = shared.size() >= NEAR_COPY_CONTAINMENT * e.size() && l.size() <= NEAR_COPY_GROWTH * e.size()
        && figuresLater.containsAll(figuresEarlier);
    return laterInEarlier || earlierInLater;
  }

  static double resemblance(String a, String b) {
    Set<String> x = shingles(a);
    Set<String> y = shingles(b);
    if (x.isEmpty() && y.isEmpty()) {
      return 1.0;
    }
    Set<String> union = new HashSet<>(x);
    union.addAll(y);
    x.retainAll(y);
    return (double) x.size() / union.size();
  }

  private static Set<String> shingles(String text) {
    List<String> words = WordTokenizer.normalizedWords(text);
    Set<String> shingles = new HashSet<>();
    for (int i = 0; i + 3 <= words.size(); i++) {
      shingles.add(words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2));
    }
    if (shingles.isEmpty() && !words.isEmpty()) {
      shingles.add(String.join(" ", words));
    }
    return shingles;
  }

  private static String abbreviate(String title) {
    return title.length() <= 48 ? title : title.substring(0, 45) + "...";
  }

  private static String verdict(boolean met) {
    return met ? "MET" : "NOT MET";
  }

  private static Map<String, String> parse(String[] args) {
    Set<String> known = Set.of("variants", "seed", "limit", "corpus-dir", "skip-topics", "examples", "false-positives", "distance", "containment", "max-published-gap", "help");
    Set<String> flags = Set.of("skip-topics", "help");
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || !known.contains(args[i].substring(2).split("=", 2)[0])) {
        throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
      String[] nameValue = args[i].substring(2).split("=", 2);
      if (flags.contains(nameValue[0])) {
        values.put(nameValue[0], "true");
      } else if (nameValue.length == 2) {
        values.put(nameValue[0], nameValue[1]);
      } else if (i + 1 < args.length) {
        values.put(nameValue[0], args[++i]);
      } else {
        throw new IllegalArgumentException("--" + nameValue[0] + " needs a value");
      }
    }
    return values;
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
