package io.newsstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts stacks of its own (not the shared one) to check what closing and restarting leave behind. */
class LocalStackLifecycleIT {

  @TempDir
  Path workDir;

  /**
   * One test on purpose: each stack start costs seconds, and "closing leaves nothing running" is
   * what makes "the next start finds the data" trustworthy (no old process still holds the files).
   */
  @Test
  void shouldLeaveNoProcessAliveWhenClosedAndKeepTopicsAndSchemasForNextStartWhenPersistent() throws Exception {
    // given
    LocalStack first = LocalStack.builder().workDir(workDir).persistent(true).start();
    assertThat(first.isNewCluster()).isTrue();
    first.createTopic("persisted.topic", 2);
    int id = register(first, "persisted-value");
    List<ProcessHandle> processes = first.processes();
    List<ProcessHandle> tree = processes.stream()
        .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
        .toList();
    assertThat(processes).hasSize(2).allMatch(ProcessHandle::isAlive);

    // when
    first.close();

    // then
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
    assertThat(ProcessHandle.current().descendants()).noneMatch(tree::contains);
    assertThat(first.processes()).isEmpty();

    // when
    try (LocalStack second = LocalStack.builder().workDir(workDir).persistent(true).start()) {

      // then
      assertThat(second.isNewCluster()).isFalse();
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, second.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("persisted.topic");
      }
      HttpResponse<String> schema = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(second.schemaRegistryUrl() + "/schemas/ids/" + id)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(schema.statusCode()).isEqualTo(200);
      assertThat(schema.body()).contains("string");
    }
  }

  private static int register(LocalStack stack, String subject) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/subjects/" + subject + "/versions"))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"\\\"string\\\"\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Integer.parseInt(response.body().replaceAll("\\D+", ""));
  }
}
