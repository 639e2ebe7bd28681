package io.newsstream.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsstream.benchmarks.quality.DedupTally.Verdict;
import org.junit.jupiter.api.Test;

class DedupTallyTest {

  private static DedupCase of(CaseKind kind, boolean template) {
    return new DedupCase("e", kind, "c", "r", "https://a.example/x", "t", "b", null, template);
  }

  @Test
  void shouldComputeRecallPrecisionAndFalsePositiveRateFromVerdicts() {
    // given: 4 distinct articles (1 wrongly dropped, a template report), 3 boilerplate variants
    // (2 dropped), 1 headline variant (dropped), 1 all-four variant (missed), 1 dead letter
    DedupTally tally = new DedupTally();
    tally.record(of(CaseKind.DISTINCT, false), Verdict.EMITTED, null, false);
    tally.record(of(CaseKind.DISTINCT, false), Verdict.EMITTED, null, false);
    tally.record(of(CaseKind.DISTINCT, true), Verdict.EMITTED, null, false);
    tally.record(of(CaseKind.DISTINCT, true), Verdict.DROPPED, "NEAR_DUPLICATE", false);
    tally.record(of(CaseKind.BOILERPLATE_ADDED, false), Verdict.DROPPED, "NEAR_DUPLICATE", true);
    tally.record(of(CaseKind.BOILERPLATE_ADDED, false), Verdict.DROPPED, "NEAR_DUPLICATE", false);
    tally.record(of(CaseKind.BOILERPLATE_ADDED, false), Verdict.EMITTED, null, false);
    tally.record(of(CaseKind.HEADLINE_CHANGED, false), Verdict.DROPPED, "NEAR_DUPLICATE", true);
    tally.record(of(CaseKind.ALL_FOUR, false), Verdict.EMITTED, null, false);
    tally.record(of(CaseKind.WHITESPACE_QUOTES, false), Verdict.LOST, null, false);

    // then
    assertThat(tally.recall(CaseKind.BOILERPLATE_ADDED)).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(tally.counts(CaseKind.BOILERPLATE_ADDED).droppedAgainstRoot()).isEqualTo(1);
    // identical + the four single edits: 3 of 5 (the all-four variant is outside the target)
    assertThat(tally.recallInTarget()).isCloseTo(3.0 / 5, within(1e-9));
    assertThat(tally.recall(CaseKind.ALL_FOUR)).isZero();
    // 3 of the 4 drops were expected duplicates
    assertThat(tally.precision()).isCloseTo(0.75, within(1e-9));
    assertThat(tally.falsePositiveRate()).isCloseTo(0.25, within(1e-9));
    assertThat(tally.templateFalsePositiveRate()).isCloseTo(0.5, within(1e-9));
    assertThat(tally.counts(CaseKind.WHITESPACE_QUOTES).lost()).isEqualTo(1);
    assertThat(tally.counts(CaseKind.WHITESPACE_QUOTES).dropped()).isZero();
    assertThat(tally.counts(CaseKind.BOILERPLATE_ADDED).dropKinds()).containsEntry("NEAR_DUPLICATE", 2L);
  }

  @Test
  void shouldReportNaNRatherThanAFigureWhenNothingWasCounted() {
    // given
    DedupTally tally = new DedupTally();

    // then
    assertThat(tally.precision()).isNaN();
    assertThat(tally.recallInTarget()).isNaN();
    assertThat(tally.falsePositiveRate()).isNaN();
  }
}
