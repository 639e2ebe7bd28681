package io.newsstream.processor.dedup;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Remembers, in a text-key partition, which articles indexed there were emitted: input is keyed
 * by the partition's number, the value is the articleId, the timestamp the article's. {@link
 * TextKeyProcessor} reads it for a near or same text that came later by timestamp but was checked
 * first: the case of a backlog, when the tasks of {@code articles.raw} progress unevenly and a
 * copy reaches this step before its original. Naming the emitted copy keeps one of the two on
 * the output; naming an article that may yet be dropped could lose both.
 */
public final class EmittedIndexProcessor extends ContextualProcessor<String, String, Void, Void> {

  public static final String STORE = "dedup-text-emitted-store";

  private WindowStore<String, String> emitted;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    super.init(context);
    emitted = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, String> record) {
    emitted.put(record.value(), "", record.timestamp());
  }
}
