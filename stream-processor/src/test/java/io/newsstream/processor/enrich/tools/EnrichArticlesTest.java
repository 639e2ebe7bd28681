package io.newsstream.processor.enrich.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichArticlesTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, String... args) {
    return EnrichArticles.run(
        args,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<JsonNode> lines() throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        nodes.add(new ObjectMapper().readTree(line));
      }
    }
    return nodes;
  }

  private static String article(String url, String title, String body) {
    return "{\"url\":\"" + url + "\",\"title\":\"" + title + "\",\"body\":\"" + body + "\"}";
  }

  @Test
  void shouldEnrichEveryArticleOfAnObjectAnArrayAndOneObjectALine() throws IOException {
    // given
    Path object = dir.resolve("one.json");
    Files.writeString(object, article("https://a.example.com/1", "Striker scores twice as United win the league", ""));
    Path array = dir.resolve("array.json");
    Files.writeString(
        array,
        "[" + article("https://a.example.com/2", "Ebola outbreak spreads as hospitals run out of vaccine", "") + ",\n"
            + article("https://a.example.com/3", "Fed official says weak data should not slow taper", "") + "]");
    String ndjson =
        article("https://a.example.com/4", "Astronomers spot a supernova in a nearby galaxy", "") + "\n"
            + article("https://a.example.com/5", "Angelina Jolie and Brad Pitt walk the red carpet", "") + "\n";

    // when
    int code = run(ndjson, object.toString(), array.toString(), "-");

    // then
    assertThat(code).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(lines())
        .extracting(node -> node.path("topics").path(0).path("name").asText())
        .containsExactly("sport", "health", "business", "science", "entertainment");
    assertThat(lines().get(0).path("domain").asText()).isEqualTo("example.com");
  }

  @Test
  void shouldListTheTermsThatAddUpToEachTopicsScore() throws IOException {
    // given
    String text =
        article(
            "https://a.example.com/markets/1",
            "Stocks rally as the Fed holds interest rates",
            "Investors bought shares after the central bank kept rates on hold; bond yields fell.");

    // when
    int code = run(text, "--explain");

    // then
    assertThat(code).isZero();
    JsonNode result = lines().get(0);
    assertThat(result.path("topics").path(0).path("name").asText()).isEqualTo("business");
    double sum = 0;
    List<String> terms = new ArrayList<>();
    for (JsonNode term : result.path("terms")) {
      if (term.path("topic").asText().equals("business")) {
        sum += term.path("score").asDouble();
        terms.add(term.path("term").asText());
      }
    }
    assertThat(sum).isCloseTo(result.path("topics").path(0).path("score").asDouble(), org.assertj.core.data.Offset.offset(0.02));
    assertThat(terms).contains("stocks", "fed", "url:markets");
  }

  @Test
  void shouldReportArticlesItCannotEnrichAndStillEnrichTheOthers() throws IOException {
    // given: an article without a URL, then a good one, then malformed JSON
    String text =
        "{\"title\":\"No URL\",\"body\":\"text\"}\n"
            + article("https://a.example.com/1", "Striker scores twice", "") + "\n"
            + "{\"url\": \"https://a.example.com/2\", \"title\": ";

    // when
    int code = run(text);

    // then
    assertThat(code).isEqualTo(1);
    assertThat(lines()).hasSize(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("<stdin>: article 1: ")
        .contains("<stdin>: article 3: malformed JSON");
  }

  @Test
  void shouldSayWhereMalformedJsonBreaksWithoutTheParsersSourceDescription() {
    // given: an array whose second article is cut inside a list
    String text = "[" + article("https://a.example.com/1", "Striker scores twice", "") + ",\n{\"title\": \"b\", \"tags\": [1, 2";

    // when
    int code = run(text);

    // then
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("<stdin>: article 2: malformed JSON: Unexpected end-of-input: expected close marker for Array (opened at line 2, column")
        .contains(", at line 2, column")
        .doesNotContain("Source:")
        .doesNotContain("REDACTED");
  }

  @Test
  void shouldReportProgressOnStandardErrorForLongInput() {
    // given: five articles, a progress line every two
    StringBuilder ndjson = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      ndjson.append(article("https://a.example.com/" + i, "Striker scores twice", "")).append('\n');
    }

    // when
    int code =
        EnrichArticles.run(
            new String[0],
            new ByteArrayInputStream(ndjson.toString().getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            2);

    // then
    assertThat(code).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .hasSize(3)
        .satisfies(lines -> {
          assertThat(lines.get(0)).startsWith("enriched 2 articles in ");
          assertThat(lines.get(1)).startsWith("enriched 4 articles in ");
          assertThat(lines.get(2)).startsWith("enriched 5 articles in ").endsWith(", done");
        });
  }

  @Test
  void shouldTakeEnrichmentSettingsFromAPropertiesFile() throws IOException {
    // given
    Path config = dir.resolve("enrich.properties");
    Files.writeString(
        config,
        "enrich.topics.replace-defaults=true\nenrich.topics.cricket.terms=wicket:2,innings:2\n");
    Path duplicate = dir.resolve("duplicate.properties");
    Files.writeString(duplicate, "enrich.topics.cricket.terms=wicket:2,Wicket:1\n");
    String text = article("https://a.example.com/1", "Late wicket ends a long innings", "");

    // when / then
    assertThat(run(text, "--config", config.toString())).isZero();
    assertThat(lines().get(0).path("topics").path(0).path("name").asText()).isEqualTo("cricket");
    assertThat(run(text, "--config", duplicate.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("'Wicket' is listed twice");
    assertThat(run(text, "--frobnicate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option: --frobnicate").contains("usage:");
  }

  @Test
  void shouldRefuseALanguageTheDetectorDoesNotKnowWithAMessageAndExitCode2() throws IOException {
    // given
    Path config = dir.resolve("languages.properties");
    Files.writeString(config, "enrich.language.languages=en,xx\n");
    String text = article("https://a.example.com/1", "A title", "");

    // when
    int exit = run(text, "--config", config.toString());

    // then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith(config + ": enrich.language.languages: language 'xx' is not supported")
        .hasLineCount(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
