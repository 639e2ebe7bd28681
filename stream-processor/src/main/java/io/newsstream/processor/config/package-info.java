/**
 * The processor's configuration, declared once: {@link
 * io.newsstream.processor.config.ProcessorConfig} holds every key under {@code
 * newsstream.processor} with its default, documentation and validation, and is what both the
 * topology and the runtime read.
 */
package io.newsstream.processor.config;
