package io.newsstream.schemas.cli;

import io.newsstream.schemas.serde.AvroSerdeConfig;
import io.newsstream.schemas.serde.RegistryAvroDeserializer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Prints the records of one topic, values decoded through the schema registry, one JSON object a
 * line: {@code {"topic":…, "partition":…, "offset":…, "key":…, "value":{…}}}. Reads every
 * partition from the beginning with {@code isolation.level=read_committed} (no consumer group,
 * nothing committed) and keeps following new records until {@code --max} records were printed,
 * {@code --idle-seconds} passed without a record, or Ctrl-C. A value that does not decode is
 * printed with its error and raw bytes in hex, and reading goes on. Stopping on {@code
 * --idle-seconds} is an error (status 1) unless every partition was read to its end: a broker
 * that went away also stops the records.
 *
 * <p>Connection settings come from {@code --bootstrap-servers} and {@code --registry-url}, or
 * from the {@code endpoints.properties} that {@code ./newsstream up} writes (keys {@code
 * kafka.bootstrap.servers} and {@code schema.registry.url}).
 */
public final class TopicReader {

  static final String USAGE =
      """
      usage: ./newsstream consume TOPIC [--max N] [--idle-seconds S] [--work-dir DIR | --endpoints FILE]
                                        [--bootstrap-servers HOST:PORT] [--registry-url URL]
        TOPIC                 for example articles.enriched, articles.topic.technology, articles.dlq
        --max N               stop after N records, N >= 1 (default: no limit)
        --idle-seconds S      stop when no record arrived for S seconds, S >= 1 (default: follow until Ctrl-C);
                              status 1 when the topic was not read to its end (Kafka stopped answering)
        --work-dir DIR        the work directory of ./newsstream up --work-dir DIR: reads DIR/endpoints.properties
        --endpoints FILE      default .newsstream/endpoints.properties (written by ./newsstream up)
        --bootstrap-servers HOST:PORT, --registry-url URL
                              instead of the addresses in the endpoints file
      """;

  private TopicReader() {}

  public static void main(String[] args) throws IOException {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      fail(e.getMessage());
      return;
    }
    if (arguments.help()) {
      System.out.print(USAGE);
      return;
    }
    String topic = arguments.topic();
    Properties endpoints = new Properties();
    Path endpointsFile = arguments.endpoints();
    if (Files.isReadable(endpointsFile)) {
      try (Reader reader = Files.newBufferedReader(endpointsFile, StandardCharsets.UTF_8)) {
        endpoints.load(reader);
      }
    }
    String bootstrap = arguments.bootstrapServers() != null ? arguments.bootstrapServers()
        : endpoints.getProperty("kafka.bootstrap.servers");
    String registry = arguments.registryUrl() != null ? arguments.registryUrl()
        : endpoints.getProperty("schema.registry.url");
    if (bootstrap == null || registry == null) {
      fail("no Kafka or registry address: start the system with ./newsstream up (it writes " + endpointsFile
          + ") or pass --bootstrap-servers and --registry-url");
    }
    long printed;
    try {
      printed = read(topic, bootstrap, registry, arguments.max(), arguments.idleSeconds(), System.out);
    } catch (IllegalArgumentException | KafkaException e) {
      // A missing topic or an unreachable broker: say so, without a stack trace.
      System.err.println("error: " + e.getMessage());
      System.exit(1);
      return;
    }
    System.err.printf(Locale.ROOT, "%d record(s) from %s%n", printed, topic);
  }

  /**
   * The command line of {@link #main}: one topic and options, each as {@code --name value} or
   * {@code --name=value}. {@code idleSeconds} 0 means follow until Ctrl-C; {@code max} is
   * {@link Long#MAX_VALUE} when not given.
   */
  record Arguments(String topic, Path endpoints, String bootstrapServers, String registryUrl, long max,
      long idleSeconds, boolean help) {

    private static final List<String> OPTIONS =
        List.of("--work-dir", "--endpoints", "--bootstrap-servers", "--registry-url", "--max", "--idle-seconds");

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for the user. */
    static Arguments parse(String... args) {
      if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
        return new Arguments(null, null, null, null, 0, 0, true);
      }
      Map<String, String> options = new HashMap<>();
      List<String> positional = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (!arg.startsWith("-")) {
          positional.add(arg);
          continue;
        }
        String name = arg;
        String value = null;
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0) {
          name = arg.substring(0, eq);
          value = arg.substring(eq + 1);
        }
        if (!OPTIONS.contains(name)) {
          throw new IllegalArgumentException("unknown option " + name);
        }
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("option " + name + " needs a value");
          }
          value = args[++i];
        }
        options.put(name, value);
      }
      if (positional.size() != 1) {
        throw new IllegalArgumentException(positional.isEmpty() ? "name a topic"
            : "name exactly one topic, not " + String.join(" ", positional));
      }
      return new Arguments(
          positional.get(0),
          options.containsKey("--work-dir")
              ? Path.of(options.get("--work-dir"), "endpoints.properties")
              : Path.of(options.getOrDefault("--endpoints", ".newsstream/endpoints.properties")),
          options.get("--bootstrap-servers"),
          options.get("--registry-url"),
          options.containsKey("--max") ? atLeastOne("--max", options.get("--max")) : Long.MAX_VALUE,
          options.containsKey("--idle-seconds") ? atLeastOne("--idle-seconds", options.get("--idle-seconds")) : 0,
          false);
    }

    private static long atLeastOne(String option, String value) {
      long parsed;
      try {
        parsed = Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " takes a whole number of 1 or more, not '" + value + "'", e);
      }
      if (parsed < 1) {
        throw new IllegalArgumentException(option + " takes a whole number of 1 or more, not " + parsed);
      }
      return parsed;
    }
  }

  /** How long the topic's partitions are waited for before Kafka is taken to be unreachable. */
  static final Duration METADATA_TIMEOUT = Duration.ofSeconds(15);

  /** Reads {@code topic} as described in the class comment; returns the number of records printed. */
  public static long read(String topic, String bootstrap, String registryUrl, long max, long idleSeconds, PrintStream out) {
    return read(topic, bootstrap, registryUrl, max, idleSeconds, out, METADATA_TIMEOUT);
  }

  static long read(String topic, String bootstrap, String registryUrl, long max, long idleSeconds, PrintStream out,
      Duration metadataTimeout) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    // Only what transactions committed: the processor writes with exactly_once_v2.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    RegistryAvroDeserializer<Object> values = new RegistryAvroDeserializer<>();
    values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl), false);

    AtomicBoolean stopped = new AtomicBoolean();
    CountDownLatch closed = new CountDownLatch(1);
    long printed;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      Thread hook = new Thread(() -> {
        stopped.set(true);
        consumer.wakeup();
        try {
          closed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        printed = poll(consumer, topic, bootstrap, max, idleSeconds, out, values, stopped, metadataTimeout);
      } finally {
        if (!stopped.get()) {
          Runtime.getRuntime().removeShutdownHook(hook);
        }
      }
    } finally {
      values.close();
      closed.countDown();
    }
    return printed;
  }

  private static long poll(KafkaConsumer<byte[], byte[]> consumer, String topic, String bootstrap, long max,
      long idleSeconds, PrintStream out, RegistryAvroDeserializer<Object> values, AtomicBoolean stopped,
      Duration metadataTimeout) {
    long printed = 0;
    List<PartitionInfo> partitions;
    try {
      partitions = consumer.partitionsFor(topic, metadataTimeout);
    } catch (TimeoutException e) {
      // Kafka's own text ("Timeout expired while fetching topic metadata") names neither the
      // address nor what to do.
      throw new IllegalArgumentException("Kafka at " + bootstrap + " did not answer within "
          + metadataTimeout.toSeconds() + " s; is it running? (./newsstream up starts it and writes its address to"
          + " the endpoints file; or pass --bootstrap-servers)", e);
    }
    if (partitions == null || partitions.isEmpty()) {
      throw new IllegalArgumentException("Topic '" + topic + "' does not exist on " + bootstrap);
    }
    List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(assigned);
    consumer.seekToBeginning(assigned);
    long lastRecordAt = System.nanoTime();
    while (!stopped.get() && printed < max) {
      ConsumerRecords<byte[], byte[]> records;
      try {
        records = consumer.poll(Duration.ofMillis(500));
      } catch (WakeupException e) {
        break;
      }
      for (ConsumerRecord<byte[], byte[]> record : records) {
        out.println(line(record, values));
        printed++;
        if (printed >= max) {
          break;
        }
      }
      if (!records.isEmpty()) {
        lastRecordAt = System.nanoTime();
      } else if (idleSeconds > 0 && System.nanoTime() - lastRecordAt > Duration.ofSeconds(idleSeconds).toNanos()) {
        out.flush();
        checkReadToTheEnd(consumer, assigned, topic, bootstrap, printed, idleSeconds, metadataTimeout);
        break;
      }
    }
    out.flush();
    return printed;
  }

  /**
   * After {@code --idle-seconds} without a record: makes sure that is because the topic has no
   * more (every partition read to its last committed offset), not because Kafka went away, which
   * looks the same to a consumer. Throws IllegalArgumentException saying which when it is not.
   */
  static void checkReadToTheEnd(Consumer<?, ?> consumer, List<TopicPartition> assigned, String topic, String bootstrap,
      long printed, long idleSeconds, Duration timeout) {
    Map<TopicPartition, Long> ends;
    try {
      ends = consumer.endOffsets(assigned, timeout);
    } catch (TimeoutException e) {
      throw new IllegalArgumentException("printed " + printed + " record(s) from " + topic + ", then none for " + idleSeconds
          + " s, and Kafka at " + bootstrap + " did not answer within " + timeout.toSeconds() + " s: the topic may hold more"
          + " records than were printed (is the broker still running?)", e);
    }
    long unread = 0;
    for (TopicPartition partition : assigned) {
      long end = ends.getOrDefault(partition, 0L);
      unread += Math.max(0, end - consumer.position(partition, timeout));
    }
    if (unread > 0) {
      throw new IllegalArgumentException("printed " + printed + " record(s) from " + topic + ", then none for " + idleSeconds
          + " s, though " + unread + " offset(s) of committed records and markers were not read yet: raise --idle-seconds");
    }
  }

  static String line(ConsumerRecord<byte[], byte[]> record, RegistryAvroDeserializer<Object> values) {
    StringBuilder json = new StringBuilder(512)
        .append("{\"topic\":\"").append(record.topic())
        .append("\",\"partition\":").append(record.partition())
        .append(",\"offset\":").append(record.offset())
        .append(",\"key\":").append(keyJson(record.key()));
    try {
      Object value = values.deserialize(record.topic(), record.value());
      json.append(",\"value\":").append(value == null ? "null" : GenericData.get().toString(value));
    } catch (SerializationException e) {
      json.append(",\"error\":\"").append(escape(e.getMessage())).append('"')
          .append(",\"valueHex\":\"").append(record.value() == null ? "" : HexFormat.of().formatHex(record.value())).append('"');
    }
    return json.append('}').toString();
  }

  private static String keyJson(byte[] key) {
    if (key == null) {
      return "null";
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(key))
          .toString();
      return '"' + escape(text) + '"';
    } catch (CharacterCodingException e) {
      return "\"0x" + HexFormat.of().formatHex(key) + '"';
    }
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> escaped.append("\\\"");
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        default -> {
          if (c < 0x20) {
            escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }

  private static void fail(String message) {
    System.err.println("error: " + message);
    System.err.print(USAGE);
    System.exit(2);
  }
}
