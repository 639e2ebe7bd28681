/**
 * The single-node KRaft Kafka broker of the local stack: a combined broker and controller started
 * from the Maven Central jars in its own JVM, plus topic creation against it. The broker classpath
 * is written into this module's jar by the build ({@code broker.classpath}), so the broker jars
 * never sit on a consumer's classpath.
 */
package io.newsstream.localstack.kafka;
