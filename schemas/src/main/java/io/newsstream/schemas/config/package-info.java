/**
 * Settings shared by the services: {@link io.newsstream.schemas.config.KafkaClientOverrides}
 * turns the pass-through Kafka client settings of a service's configuration into the keys Kafka
 * knows.
 */
package io.newsstream.schemas.config;
