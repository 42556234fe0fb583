/**
 * One spec per model provider: its id, defaults, key variable, where the summary schema goes, the retry hints it sends,
 * whether it costs anything and which chat API it speaks. {@link io.dragoman.core.llm.ProviderKind} points each
 * constant at its {@link io.dragoman.core.llm.provider.ProviderSpec}; every other place that once switched over
 * providers asks the spec.
 *
 * <p>Dependencies: none inside Dragoman (only the JDK), so that {@code core.llm} can depend on it. Order of the
 * language-model packages, each depending only on those before it: {@code provider}, {@code core.llm}, {@code retry},
 * {@code langchain4j}, {@code setup}.
 */
package io.dragoman.core.llm.provider;
