/**
 * Watching the services' {@code /health} while {@code ./newsstream up} runs, so that the terminal
 * says when a service turns unhealthy and why, and when it recovers.
 */
package io.newsstream.localstack.health;
