package io.newsstream.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.benchmarks.CorpusArticle;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DedupCasesTest {

  private static CorpusArticle article(String id, String title, String body, String day) {
    return at(id, title, body, day + "T10:00:00Z");
  }

  private static CorpusArticle at(String id, String title, String body, String publishedAt) {
    return new CorpusArticle(id, "https://reuters.example/" + id, title, body, publishedAt, null, "Reuters");
  }

  @Test
  void shouldMarkLaterIdenticalBodiesAsDuplicatesOfTheFirstAndSameTitleReportsOfOtherDaysAsTemplates() {
    // given
    List<CorpusArticle> corpus =
        List.of(
            article("1", "RESERVE PRICES", "Wheat 2.55, corn 1.35. Oats 1.24.", "1987-02-26"),
            article("2", "ACME BUYS WIDGET", "Acme bought Widget. Terms were not disclosed.", "1987-02-26"),
            article("3", "ACME TO ACQUIRE WIDGET", "Acme bought Widget. Terms were not disclosed.", "1987-02-27"),
            article("4", "RESERVE PRICES", "Wheat 2.64, corn 1.40. Oats 1.57.", "1987-04-07"),
            article("5", "ACME BUYS WIDGET", "Acme bought Widget.", "1987-02-26"),
            article("6", "HEADLINE ONLY", "******HEADLINE ONLY\nBlah blah blah.", "1987-02-26"),
            // one story re-sent across midnight, 9 hours later
            at("7", "QANTAS TO BUY 747S", "Qantas will buy four 747-400s.", "1987-03-01T22:55:00Z"),
            at("8", "QANTAS TO BUY 747S", "Qantas said it will buy four 747-400s.", "1987-03-02T07:55:00Z"),
            // a weekly report without a publication time cannot be told from a re-issue
            at("9", "RESERVE PRICES", "Wheat 2.70, corn 1.41. Oats 1.60.", null));

    // when
    List<DedupCase> cases = DedupCases.build(corpus.stream().filter(DedupCases::hasRealBody).toList(), 2, 7);

    // then
    Map<String, DedupCase> reuters =
        cases.stream().filter(c -> c.eventId().startsWith("reuters-")).collect(Collectors.toMap(DedupCase::corpusId, Function.identity()));
    assertThat(reuters).doesNotContainKey("6");
    assertThat(reuters.get("3").kind()).isEqualTo(CaseKind.IDENTICAL_BODY);
    assertThat(reuters.get("3").rootId()).isEqualTo("2");
    assertThat(reuters.get("1").template()).isTrue();
    assertThat(reuters.get("4").template()).isTrue();
    // same title, different body, same day: a re-issue, not a template report
    assertThat(reuters.get("5").template()).isFalse();
    // nor on another calendar day less than 24 hours later
    assertThat(reuters.get("7").template()).isFalse();
    assertThat(reuters.get("8").template()).isFalse();
    assertThat(reuters.get("9").template()).isFalse();
    assertThat(reuters.get("5").kind()).isEqualTo(CaseKind.DISTINCT);
    // variants: 2 sampled distinct articles x 5 kinds, minus trims of one-sentence bodies; all new URLs
    List<DedupCase> variants = cases.stream().filter(c -> c.eventId().startsWith("variant-")).toList();
    assertThat(variants).hasSizeBetween(8, 10).allMatch(c -> c.kind().expectedDuplicate());
    assertThat(cases).extracting(DedupCase::url).doesNotHaveDuplicates();
    assertThat(cases).extracting(DedupCase::eventId).doesNotHaveDuplicates();
  }
}
