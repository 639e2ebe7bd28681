package io.newsstream.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

  static ApiKeys keys(String... entries) {
    AuthConfiguration config = new AuthConfiguration();
    config.setApiKeys(List.of(entries));
    return new ApiKeys(config);
  }

  @Test
  void shouldFindTheClientOfAKeyByItsHash() {
    // given
    ApiKeys keys = keys("alpha:" + ApiKeys.sha256Hex("k1"), "beta:" + ApiKeys.sha256Hex("k2").toUpperCase(java.util.Locale.ROOT));
    // then
    assertThat(keys.lookup("k1")).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("alpha"));
    assertThat(keys.lookup("k2")).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("beta"));
    assertThat(keys.lookup("k3")).isEmpty();
  }

  @Test
  void shouldReadTheCommaSeparatedEnvironmentFormAndDisabledMarks() {
    // given
    ApiKeys keys = keys("alpha:" + ApiKeys.sha256Hex("k1") + ", beta:" + ApiKeys.sha256Hex("k2") + ":disabled");
    // then
    assertThat(keys.lookup("k1").orElseThrow().disabled()).isFalse();
    assertThat(keys.lookup("k2").orElseThrow().disabled()).isTrue();
  }

  @Test
  void shouldRefuseMalformedEntriesWithoutEchoingThem() {
    assertThatThrownBy(() -> keys("alpha:not-a-hash"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alpha")
        .hasMessageNotContaining("not-a-hash");
    assertThatThrownBy(() -> keys("just-a-key")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldReadTheKeysWhenTheServiceStartsRatherThanAtTheFirstRequest() {
    // given: authentication on and no keys, so the warning is due at start-up
    Map<String, Object> settings = Map.of(
        "newsstream.ingest.kafka.bootstrap-servers", "127.0.0.1:1",
        "newsstream.ingest.auth.enabled", "true",
        "newsstream.ingest.auth.api-keys", "");
    // when
    try (ApplicationContext context = ApplicationContext.run(settings)) {
      // then: the keys (and what they log) exist before any request
      assertThat(context.getActiveBeanRegistrations(ApiKeys.class)).hasSize(1);
    }
  }

  @Test
  void shouldRefuseToStartWithAMalformedKeyEntry() {
    // given
    Map<String, Object> settings = Map.of(
        "newsstream.ingest.kafka.bootstrap-servers", "127.0.0.1:1",
        "newsstream.ingest.auth.api-keys", "alpha:not-a-hash");
    // when / then
    assertThatThrownBy(() -> ApplicationContext.run(settings).close())
        .hasStackTraceContaining("the hash of client 'alpha' must be 64 hex digits");
  }
}
