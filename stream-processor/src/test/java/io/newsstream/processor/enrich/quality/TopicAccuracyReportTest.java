package io.newsstream.processor.enrich.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicAccuracyReportTest {

  @TempDir Path dir;

  private static String article(String id, String label, String title, String body) {
    return "{\"id\":\"" + id + "\",\"label\":" + (label == null ? "null" : "\"" + label + "\"")
        + ",\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"url\":\"https://wire.example/" + id
        + "\",\"language\":\"en\"}";
  }

  @Test
  void shouldCountLabelledWireArticlesGivenATopicOtherThanBusinessOrPolitics() throws IOException {
    // given: two labelled articles with a body, one of them about a drug; an unlabelled article
    // and a headline-only item, which are not counted
    Path corpus = dir.resolve("wire.jsonl");
    Files.write(
        corpus,
        List.of(
            article("1", "earn", "Acme Corp raises quarterly dividend",
                "Acme Corp said its board raised the quarterly dividend to 20 cts a share, and net"
                    + " profit rose on higher sales."),
            article("2", "acq", "Drug maker buys vaccine developer",
                "The drug maker agreed to buy a vaccine developer whose hepatitis vaccine is in"
                    + " clinical trials with patients at ten hospitals, the company said."),
            article("3", null, "Measles outbreak spreads",
                "Doctors said the measles outbreak spread to three more hospitals."),
            article("4", "earn", "Acme Corp year net", "Blah blah blah.")),
        StandardCharsets.UTF_8);

    // when
    TopicAccuracyReport.WireTally tally = TopicAccuracyReport.tallyWireText(corpus);

    // then
    assertThat(tally.labelled()).isEqualTo(2);
    assertThat(tally.anyOther()).isEqualTo(1);
    assertThat(tally.strongestOther()).isEqualTo(1);
    assertThat(tally.none()).isZero();
    assertThat(tally.otherTopics()).isEqualTo(Map.of("health", 1));
  }
}
