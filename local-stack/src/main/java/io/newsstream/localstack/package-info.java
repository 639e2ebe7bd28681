/**
 * The local stack: real Kafka and a real schema registry as child processes on one machine.
 * {@link io.newsstream.localstack.LocalStack} starts and stops them,
 * {@link io.newsstream.localstack.LocalStackExtension} shares one per test JVM with integration
 * tests, and {@link io.newsstream.localstack.Up} is the run command that adds the services.
 */
package io.newsstream.localstack;
