/**
 * Child process plumbing shared by the broker, the registry and the services the run command
 * starts: launching a JVM with its output in a log file, awaiting readiness with a bound, stopping
 * the whole process tree (graceful first, then forcibly), and picking free loopback ports.
 */
package io.newsstream.localstack.process;
