package io.newsstream.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a CPU profile in collapsed-stack form (one line per distinct stack: {@code
 * [thread];frame;frame;…;innermost count}, as async-profiler writes it with its {@code threads}
 * option) and splits the samples of the chosen threads two ways: by <b>stage</b>, the innermost
 * processor of the topology on the stack (the enricher counts as one), and by <b>component</b>, the
 * innermost library or part of the code the sample is in (RocksDB, Lingua, Lucene, Avro, the Kafka
 * producer, the kernel, …). Native frames count, which is what a JFR profile cannot show: RocksDB
 * runs in JNI code that JFR's execution samples never see.
 */
final class StackProfile {

  /** Components by frame prefix, tried from the innermost frame outwards. */
  private static final List<Map.Entry<String, String>> COMPONENTS =
      List.of(
          Map.entry("com/github/pemistahl/lingua/", "Lingua (language)"),
          Map.entry("it/unimi/dsi/fastutil/", "Lingua (language)"),
          Map.entry("org/apache/lucene/", "Lucene (keywords)"),
          Map.entry("io/newsstream/processor/enrich/", "enrichment code"),
          Map.entry("io/newsstream/processor/dedup/", "dedup code"),
          Map.entry("org/rocksdb/", "RocksDB"),
          Map.entry("rocksdb::", "RocksDB"),
          Map.entry("Java_org_rocksdb_", "RocksDB"),
          Map.entry("org/apache/avro/", "Avro"),
          Map.entry("io/newsstream/schemas/", "registry serde"),
          Map.entry("org/apache/kafka/streams/state/", "Kafka Streams stores"),
          Map.entry("org/apache/kafka/clients/producer/", "Kafka producer"),
          Map.entry("org/apache/kafka/clients/consumer/", "Kafka consumer"),
          Map.entry("org/apache/kafka/common/", "Kafka common"),
          Map.entry("org/apache/kafka/streams/", "Kafka Streams"));

  private final Map<String, Long> byStage = new LinkedHashMap<>();
  private final Map<String, Long> byComponent = new LinkedHashMap<>();
  private long samples;

  /** The samples of the threads whose name (the first frame, without brackets) {@code threads} accepts. */
  static StackProfile of(String collapsed, Predicate<String> threads) {
    StackProfile profile = new StackProfile();
    for (String line : collapsed.split("\n")) {
      int space = line.lastIndexOf(' ');
      if (space <= 0) {
        continue;
      }
      long count;
      try {
        count = Long.parseLong(line.substring(space + 1).trim());
      } catch (NumberFormatException e) {
        continue;
      }
      String[] frames = line.substring(0, space).split(";");
      if (!frames[0].startsWith("[") || !threads.test(threadName(frames[0]))) {
        continue;
      }
      profile.samples += count;
      profile.byStage.merge(stage(frames), count, Long::sum);
      profile.byComponent.merge(component(frames), count, Long::sum);
    }
    return profile;
  }

  /** {@code [name tid=123]} to {@code name}. */
  static String threadName(String frame) {
    String inner = frame.substring(1, frame.endsWith("]") ? frame.length() - 1 : frame.length());
    int tid = inner.lastIndexOf(" tid=");
    return tid >= 0 ? inner.substring(0, tid) : inner;
  }

  /** The innermost processor of ours on the stack, else the Streams runtime around them. */
  static String stage(String[] frames) {
    for (int i = frames.length - 1; i > 0; i--) {
      String frame = frames[i];
      if (!frame.startsWith("io/newsstream/processor/")) {
        continue;
      }
      String type = frame.substring(frame.lastIndexOf('/') + 1);
      int cut = type.indexOf('.');
      type = cut >= 0 ? type.substring(0, cut) : type;
      cut = type.indexOf('$');
      type = cut >= 0 ? type.substring(0, cut) : type;
      if (type.equals("DefaultArticleEnricher")) {
        return "enrichment";
      }
      if (type.equals("DedupProcessor")) {
        return "Event/UrlDedupProcessor (their stores)";
      }
      if (type.endsWith("Processor") || type.equals("HomeCheck")) {
        return type;
      }
    }
    for (int i = 1; i < frames.length; i++) {
      if (frames[i].contains("StreamThread.maybeCommit") || frames[i].contains("TaskManager.commit")) {
        return "Streams: commit";
      }
      if (frames[i].contains("StreamThread.pollPhase")) {
        return "Streams: poll";
      }
    }
    return "Streams: other";
  }

  /** The innermost frame's component; a kernel frame counts as the kernel. */
  static String component(String[] frames) {
    for (int i = frames.length - 1; i > 0; i--) {
      String frame = frames[i];
      if (frame.endsWith("_[k]")) {
        return "kernel";
      }
      for (Map.Entry<String, String> c : COMPONENTS) {
        if (frame.startsWith(c.getKey())) {
          return c.getValue();
        }
      }
      if (frame.contains("librocksdbjni")) {
        return "RocksDB";
      }
    }
    return "JVM and JDK";
  }

  long samples() {
    return samples;
  }

  /** Share of the samples per stage, largest first. */
  Map<String, Double> stages() {
    return shares(byStage);
  }

  /** Share of the samples per component, largest first. */
  Map<String, Double> components() {
    return shares(byComponent);
  }

  private Map<String, Double> shares(Map<String, Long> counts) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
    Map<String, Double> shares = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : entries) {
      shares.put(e.getKey(), samples == 0 ? 0.0 : (double) e.getValue() / samples);
    }
    return shares;
  }

  /** Two columns of lines: stage shares, component shares. */
  String table() {
    List<String> left = new ArrayList<>();
    stages().forEach((k, v) -> left.add(String.format(Locale.ROOT, "%5.1f %%  %s", 100 * v, k)));
    List<String> right = new ArrayList<>();
    components().forEach((k, v) -> right.add(String.format(Locale.ROOT, "%5.1f %%  %s", 100 * v, k)));
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "  %-48s %s%n", "by stage (innermost processor)", "by component (innermost frame)"));
    for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
      sb.append(String.format(Locale.ROOT, "  %-48s %s%n", i < left.size() ? left.get(i) : "", i < right.size() ? right.get(i) : ""));
    }
    return sb.toString();
  }
}
