/**
 * One typed definition per topic: its name with its key and value serdes, built from injected
 * configuration ({@link io.newsstream.schemas.topics.TopicNames} and the serde settings), never
 * from mutable statics.
 */
package io.newsstream.schemas.topics;
