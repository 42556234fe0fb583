/**
 * Benchmarks that are not part of the product: extraction quality on a public benchmark and JMH throughput of the
 * cleaners. Built only with {@code -Pbench}.
 */
package io.dragoman.bench;
