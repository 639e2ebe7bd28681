/**
 * What every stage of the topology shares: the {@link io.newsstream.processor.stage.Outcome} a
 * stage produces for a record (pass on, report a duplicate, dead-letter), the {@link
 * io.newsstream.processor.stage.FailureHandler} that applies the configured error mode, the
 * {@link io.newsstream.processor.stage.PipelineMetrics} port the stages count into, and the serde
 * for internal topics and stores.
 */
package io.newsstream.processor.stage;
