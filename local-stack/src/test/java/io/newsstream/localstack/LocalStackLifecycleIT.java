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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts stacks of its own (not the shared one) to check what closing and restarting leave behind. */
class LocalStackLifecycleIT {

  @TempDir
  Path workDir;

  @Test
  void shouldLeaveNoChildProcessAliveWhenClosed() {
    // given
    LocalStack stack = LocalStack.builder().workDir(workDir).start();
    List<ProcessHandle> processes = stack.processes();
    List<ProcessHandle> tree = processes.stream()
        .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
        .toList();
    assertThat(processes).hasSize(2).allMatch(ProcessHandle::isAlive);

    // when
    stack.close();

    // then
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
    assertThat(ProcessHandle.current().descendants()).noneMatch(p -> tree.contains(p));
    assertThat(stack.processes()).isEmpty();
  }

  @Test
  void shouldKeepTopicsAndSchemasAcrossRestartWhenPersistent() throws Exception {
    // given
    String subject = "persisted-value";
    int id;
    try (LocalStack first = LocalStack.builder().workDir(workDir).persistent(true).start()) {
      first.createTopic("persisted.topic", 2);
      id = register(first, subject);
    }

    // when
    try (LocalStack second = LocalStack.builder().workDir(workDir).persistent(true).start()) {

      // then
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
