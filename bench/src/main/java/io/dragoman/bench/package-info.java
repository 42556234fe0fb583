/**
 * Benchmarks that are not part of the product: extraction quality on a public benchmark, JMH throughput of the
 * cleaners, and batch throughput and memory of the facade against a stand-in model server. Built only with {@code
 * -Pbench}.
 */
package io.dragoman.bench;
