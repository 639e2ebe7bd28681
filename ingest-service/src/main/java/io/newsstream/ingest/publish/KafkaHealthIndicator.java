package io.newsstream.ingest.publish;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;

/**
 * Readiness of the broker side: the cluster answers and the raw topic exists. DOWN makes
 * {@code /health} answer 503, so orchestrators stop routing requests here while Kafka is away.
 */
@Singleton
@Readiness
public class KafkaHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

  private final PublishConfiguration config;
  private volatile Admin admin;

  public KafkaHealthIndicator(PublishConfiguration config) {
    this.config = config;
  }

  @Override
  protected String getName() {
    return "kafka";
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    Map<String, Object> details = new LinkedHashMap<>();
    long timeoutMs = config.getHealthTimeout().toMillis();
    try {
      Collection<Node> nodes = admin()
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs))
          .nodes()
          .get(timeoutMs, TimeUnit.MILLISECONDS);
      details.put("brokers", nodes.size());
      TopicDescription topic = admin()
          .describeTopics(java.util.List.of(config.getTopic()), new DescribeTopicsOptions().timeoutMs((int) timeoutMs))
          .allTopicNames()
          .get(timeoutMs, TimeUnit.MILLISECONDS)
          .get(config.getTopic());
      details.put("topic", config.getTopic());
      details.put("partitions", topic.partitions().size());
      healthStatus = HealthStatus.UP;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      details.put("topic", config.getTopic());
      details.put("error", rootMessage(e));
      healthStatus = HealthStatus.DOWN;
    }
    return details;
  }

  private Admin admin() {
    Admin a = admin;
    if (a == null) {
      synchronized (this) {
        if (admin == null) {
          Properties props = new Properties();
          props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.getBootstrapServers());
          props.put(AdminClientConfig.CLIENT_ID_CONFIG, "ingest-service-health");
          // Health probes must answer within the probe timeout, not Kafka's 60 s default.
          props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.getHealthTimeout().toMillis());
          props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.getHealthTimeout().toMillis());
          // Reconnect quickly when the broker returns so readiness follows it closely.
          props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
          admin = Admin.create(props);
        }
        a = admin;
      }
    }
    return a;
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage();
    return message == null || message.isBlank() ? "unreachable" : message;
  }

  @PreDestroy
  void close() {
    Admin a = admin;
    if (a != null) {
      a.close(java.time.Duration.ofSeconds(1));
    }
  }
}
