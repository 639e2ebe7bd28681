/**
 * Command-line tools over the contract, for people rather than services: {@link
 * io.newsstream.schemas.cli.TopicReader} prints the records of a topic decoded through the schema
 * registry. The {@code ./newsstream consume} command runs it.
 */
package io.newsstream.schemas.cli;
