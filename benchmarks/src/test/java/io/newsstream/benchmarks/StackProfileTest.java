package io.newsstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StackProfileTest {

  private static final String STACKS = String.join("\n",
      "[app-1-StreamThread-1 tid=7];org/apache/kafka/streams/processor/internals/StreamThread.runLoop;"
          + "io/newsstream/processor/topology/DecodeEnrichProcessor.process;io/newsstream/benchmarks/TimedEnricher.enrich;"
          + "io/newsstream/processor/enrich/DefaultArticleEnricher.enrich;io/newsstream/processor/enrich/KeywordExtractor.extract;"
          + "org/apache/lucene/analysis/en/PorterStemmer.stem 30",
      "[app-1-StreamThread-1 tid=7];org/apache/kafka/streams/processor/internals/StreamThread.runLoop;"
          + "io/newsstream/processor/topology/DecodeEnrichProcessor.process;io/newsstream/processor/dedup/TextKeyProcessor.check;"
          + "org/apache/kafka/streams/state/internals/MeteredWindowStore.put;org/rocksdb/RocksDB.put;"
          + "Java_org_rocksdb_RocksDB_put__JJ_3BII_3BIIJ;clear_page_erms_[k] 20",
      "[app-1-StreamThread-1 tid=7];org/apache/kafka/streams/processor/internals/StreamThread.runLoop;"
          + "io/newsstream/processor/dedup/TextKeyProcessor.check;org/apache/kafka/streams/state/internals/MeteredWindowStore.put;"
          + "org/rocksdb/RocksDB.put;rocksdb::DBImpl::Put 40",
      "[app-1-StreamThread-1 tid=7];org/apache/kafka/streams/processor/internals/StreamThread.runLoop;"
          + "org/apache/kafka/streams/processor/internals/StreamThread.maybeCommit;java/lang/Object.wait 10",
      "[kafka-producer-network-thread | app-1-StreamThread-1-producer tid=8];org/apache/kafka/clients/producer/internals/Sender.run 500",
      "not a stack line");

  @Test
  void shouldSplitTheChosenThreadsSamplesByStageAndComponent() {
    // when
    StackProfile profile = StackProfile.of(STACKS, name -> name.matches(".*-StreamThread-\\d+"));

    // then: the producer's network thread is not counted; native and kernel frames are
    assertThat(profile.samples()).isEqualTo(100);
    assertThat(profile.stages().get("enrichment")).isCloseTo(0.30, within(1e-9));
    assertThat(profile.stages().get("TextKeyProcessor")).isCloseTo(0.60, within(1e-9));
    assertThat(profile.stages().get("Streams: commit")).isCloseTo(0.10, within(1e-9));
    assertThat(profile.components().get("Lucene (keywords)")).isCloseTo(0.30, within(1e-9));
    assertThat(profile.components().get("RocksDB")).isCloseTo(0.40, within(1e-9));
    assertThat(profile.components().get("kernel")).isCloseTo(0.20, within(1e-9));
    // a JDK frame counts for the innermost known code that called it
    assertThat(profile.components().get("Kafka Streams")).isCloseTo(0.10, within(1e-9));
    assertThat(profile.stages().keySet()).first().isEqualTo("TextKeyProcessor");
    assertThat(profile.table()).contains(" 60.0 %  TextKeyProcessor", " 40.0 %  RocksDB");
  }

  @Test
  void shouldReadTheThreadNameWithoutItsId() {
    assertThat(StackProfile.threadName("[app-1-StreamThread-1 tid=7]")).isEqualTo("app-1-StreamThread-1");
    assertThat(StackProfile.threadName("[C2 CompilerThread0 tid=12]")).isEqualTo("C2 CompilerThread0");
  }
}
