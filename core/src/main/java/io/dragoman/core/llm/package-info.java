/**
 * Language models behind one small seam, {@link io.dragoman.core.llm.ModelProvider}: requests and replies, failures
 * ({@link io.dragoman.core.llm.RetriableFailure}, {@link io.dragoman.core.llm.PermanentFailure}), usage, spending,
 * prices, the call cache, and {@link io.dragoman.core.llm.ProviderKind}, the providers users name.
 *
 * <p>The language-model packages, each depending only on those before it: {@code core.llm.provider} (one spec per
 * provider; JDK only), this package, {@code core.llm.retry} (retries and rate limits), {@code core.llm.langchain4j} (the
 * only package that imports LangChain4j) and {@code core.llm.setup} (choosing a provider and building its stack). Code
 * outside {@code core.llm} uses this package, {@code setup} and {@code retry}, never {@code langchain4j}.
 */
package io.dragoman.core.llm;
