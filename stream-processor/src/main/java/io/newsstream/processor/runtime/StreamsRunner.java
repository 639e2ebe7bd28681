package io.newsstream.processor.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.newsstream.processor.config.ProcessorConfig;
import io.newsstream.processor.config.ProcessorConfig.TopologyMode;
import io.newsstream.processor.enrich.ArticleEnricher;
import io.newsstream.processor.enrich.EnrichmentConfig;
import io.newsstream.processor.topology.BoundedRocksDbMemory;
import io.newsstream.processor.topology.StreamsProperties;
import io.newsstream.processor.topology.TopologyFactory;
import io.newsstream.schemas.config.Durations;
import io.newsstream.schemas.topics.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import io.micrometer.core.instrument.Gauge;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the topology: on start-up creates the topics, builds the {@link Topology} with {@link
 * TopologyFactory}, starts {@link KafkaStreams} and binds its metrics; on shutdown closes it
 * within the configured timeout. A stream thread that dies is replaced, so one bad moment does
 * not stop the application, but one that a new thread would fail the same way (a configuration
 * error, repeated failures: {@link ThreadFailurePolicy}) shuts the instance down and exits;
 * state changes are logged and drive {@link StreamsHealthIndicator}. A
 * stream thread that stops polling (blocked inside processing, which Kafka Streams does not see)
 * is found by {@link StallWatch}: reported by health, counted in the gauge {@code
 * newsstream.processor.stream.threads.stalled}, logged once with its stack, and with {@code
 * stall-exit} ends the process ({@link StallMonitor}).
 */
@Singleton
public class StreamsRunner implements ApplicationEventListener<StartupEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private final ProcessorConfig config;
  private final EnrichmentConfig enrichmentConfig;
  private final ArticleEnricher enricher;
  private final MicrometerPipelineMetrics metrics;
  private final MeterRegistry registry;
  private volatile KafkaStreams streams;
  private KafkaStreamsMetrics streamsMetrics;
  private final StallWatch stallWatch;
  private ScheduledExecutorService stallChecks;
  private final RestoreProgress restoreProgress = new RestoreProgress();
  private final AtomicBoolean exiting = new AtomicBoolean();
  private final ThreadFailurePolicy failurePolicy = new ThreadFailurePolicy();

  public StreamsRunner(
      ProcessorConfig config,
      EnrichmentConfig enrichmentConfig,
      ArticleEnricher enricher,
      MicrometerPipelineMetrics metrics,
      MeterRegistry registry) {
    this.config = config;
    this.enrichmentConfig = enrichmentConfig;
    this.enricher = enricher;
    this.metrics = metrics;
    this.registry = registry;
    this.stallWatch = new StallWatch(() -> streams, config.getStallTimeout());
    Gauge.builder(MicrometerPipelineMetrics.PREFIX + "stream.threads.stalled", stallWatch, watch -> watch.stalledThreads().size())
        .description("Stream threads that have not polled for longer than stall-timeout")
        .register(registry);
    RocksDbMemoryGauges.bind(registry, config);
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    start();
  }

  /** Creates topics, then builds and starts Kafka Streams. */
  public synchronized void start() {
    if (streams != null) {
      return;
    }
    Topics topics = new Topics(config.topicNames(), StreamsProperties.serdeConfig(config));
    Collection<String> taxonomy = enrichmentConfig.topicNames();
    Set<String> needed =
        config.getTopology() == TopologyMode.FULL
            ? TopologyFactory.externalTopics(topics, taxonomy)
            : Set.of(topics.raw().name(), config.getPassthroughTopic());
    try (Admin admin = Admin.create(TopicProvisioner.adminSettings(config.getBootstrapServers(), ADMIN_TIMEOUT))) {
      new TopicProvisioner(admin, ADMIN_TIMEOUT)
          .ensure(needed, config.isTopicCreate(), config.getTopicPartitions(), config.getTopicReplicationFactor());
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "Kafka at " + config.getBootstrapServers() + " (" + ProcessorConfig.PREFIX + ".bootstrap-servers, env KAFKA_BOOTSTRAP_SERVERS): "
              + e.getMessage(),
          e);
    }
    if (config.getTopology() == TopologyMode.FULL) {
      // Before the stream threads start, so that none of them waits on the registry for an id.
      new SchemaLookup(topics, taxonomy).run();
    }
    TopologyFactory factory = new TopologyFactory(metrics, Clock.systemUTC());
    Topology topology =
        config.getTopology() == TopologyMode.FULL
            ? factory.build(config, topics, enricher, taxonomy)
            : factory.buildPassthrough(config, topics, config.getPassthroughTopic());
    LOG.info("Starting {} topology as application {} on {}", config.getTopology(), config.getApplicationId(), config.getBootstrapServers());
    LOG.info(EffectiveSettings.of(config));
    if (!config.getStreams().isEmpty()) {
      // Keys only: values such as sasl.jaas.config hold credentials.
      LOG.info("Kafka Streams settings from {}.streams.*: {}", ProcessorConfig.PREFIX, String.join(", ", config.getStreams().keySet()));
      for (String key : StreamsProperties.unknownKeys(config.getStreams())) {
        LOG.warn("{}.streams.{} is not a setting of Kafka Streams or of its consumers, producer or admin client, so Kafka"
                + " ignores it unless a class of your own reads it: a typo? (prefixes: main.consumer., restore.consumer.,"
                + " global.consumer., consumer., producer., admin., topic.)", ProcessorConfig.PREFIX, key);
      }
    }
    LOG.debug("Topology:\n{}", topology.describe());
    Properties streamsProperties = StreamsProperties.streams(config);
    logRocksDbMemory(config, streamsProperties);
    KafkaStreams kafkaStreams = new KafkaStreams(topology, streamsProperties);
    kafkaStreams.setStateListener(
        (next, previous) -> {
          LOG.info("Kafka Streams state {} -> {}", previous, next);
          if (next == KafkaStreams.State.RUNNING) {
            // After a rebalance: the meters of stores this instance gave up (see StoreMetricTags).
            int removed = StoreMetricTags.removeStale(registry, kafkaStreams.metrics());
            if (removed > 0) {
              LOG.debug("Removed {} meters of state stores no longer on this instance", removed);
            }
          }
        });
    kafkaStreams.setGlobalStateRestoreListener(restoreProgress);
    kafkaStreams.setUncaughtExceptionHandler(
        error -> {
          ThreadFailurePolicy.Decision decision;
          synchronized (failurePolicy) {
            decision = failurePolicy.onFailure(error, Instant.now());
          }
          if (!decision.shutdown()) {
            LOG.error("Stream thread failed; replacing it", error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
          }
          LOG.error("Stream thread failed; shutting down, since a new thread would fail the same way: {}."
              + " Exiting with status {}", decision.reason(), ProcessorConfig.FATAL_EXIT_STATUS, error);
          exitFatally();
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streamsMetrics = new KafkaStreamsMetrics(kafkaStreams);
    streamsMetrics.bindTo(registry);
    kafkaStreams.start();
    streams = kafkaStreams;
    if (stallWatch.enabled()) {
      stallChecks =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "newsstream-stall-watch");
                thread.setDaemon(true);
                return thread;
              });
      long periodMs = Math.max(1_000, Math.min(10_000, stallWatch.timeout().toMillis() / 4));
      StallMonitor monitor = StallMonitor.of(stallWatch, config.isStallExit(), ProcessorConfig.STALL_EXIT_STATUS);
      stallChecks.scheduleWithFixedDelay(
          () -> {
            try {
              monitor.check();
            } catch (RuntimeException e) {
              LOG.warn("Could not check the stream threads for stalls", e);
            }
          },
          periodMs,
          periodMs,
          TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Closes Kafka Streams (waiting at most {@code close-timeout} for the shutdown the handler asked
   * for, so that the stores are left clean) and exits with {@link
   * ProcessorConfig#FATAL_EXIT_STATUS}, once. Not from the stream thread, whose end the close
   * waits for; and not left to the shutdown hook, which is not there yet while the application
   * starts.
   */
  private void exitFatally() {
    if (exiting.compareAndSet(false, true)) {
      Thread exit =
          new Thread(
              () -> {
                try {
                  stop();
                } finally {
                  System.exit(ProcessorConfig.FATAL_EXIT_STATUS);
                }
              },
              "newsstream-fatal-exit");
      exit.start();
    }
  }

  /** What restoring state from the changelogs has left. */
  public RestoreProgress.Remaining restoring() {
    return restoreProgress.remaining();
  }

  /** The stalled stream threads (empty before start, after close, or with the check off). */
  public Map<String, Duration> stalledThreads() {
    return stallWatch.stalledThreads();
  }

  /** The stream threads that failed (and were replaced) within five minutes before {@code now}, and the latest failure. */
  ThreadFailurePolicy.Recent threadFailures(Instant now) {
    synchronized (failurePolicy) {
      return failurePolicy.recent(now);
    }
  }

  /** Current state, or null before start. */
  public KafkaStreams.State state() {
    KafkaStreams current = streams;
    return current == null ? null : current.state();
  }

  @PreDestroy
  public synchronized void stop() {
    if (streams == null) {
      return;
    }
    if (stallChecks != null) {
      stallChecks.shutdownNow();
      stallChecks = null;
    }
    GroupMembershipOperation membership = StreamsProperties.membershipOnClose(StreamsProperties.streams(config));
    LOG.info("Closing Kafka Streams (timeout {}, {})", Durations.readable(config.getCloseTimeout()), membership);
    boolean closed = streams.close(CloseOptions.groupMembershipOperation(membership).withTimeout(config.getCloseTimeout()));
    if (!closed) {
      LOG.warn("Kafka Streams did not close within {}", Durations.readable(config.getCloseTimeout()));
    }
    if (streamsMetrics != null) {
      streamsMetrics.close();
    }
    streams = null;
  }

  private static void logRocksDbMemory(ProcessorConfig config, Properties streams) {
    if (config.getStoreType() != ProcessorConfig.StoreType.ROCKSDB) {
      return;
    }
    Object setter = streams.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG);
    if (setter == null) {
      LOG.info("RocksDB stores: Kafka Streams' per-store memory defaults, no bound on their total ({}.rocksdb-memory=0)",
          ProcessorConfig.PREFIX);
    } else if (BoundedRocksDbMemory.configures(streams)) {
      LOG.info("RocksDB stores: {} MB of native memory shared by all of them, memtables up to {} % of it ({}.rocksdb-memory,"
              + " rocksdb-memtable-share)", config.getRocksdbMemory() / (1024 * 1024),
          Math.round(config.getRocksdbMemtableShare() * 100), ProcessorConfig.PREFIX);
    } else {
      LOG.info("RocksDB stores: configured by {} ({}.streams.{}); rocksdb-memory does not apply", setter, ProcessorConfig.PREFIX,
          StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG);
    }
  }
}
