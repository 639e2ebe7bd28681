/**
 * The schema registry of the local stack: Apicurio Registry 2.6 (Quarkus, Java 17) from its Maven
 * Central distribution, unpacked by the build, run in its own JVM and spoken to through its
 * Confluent-compatible API ({@code /apis/ccompat/v7}).
 */
package io.newsstream.localstack.registry;
