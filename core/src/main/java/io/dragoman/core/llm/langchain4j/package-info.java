/**
 * The LangChain4j adapter: the only package that imports {@code dev.langchain4j}. {@link
 * io.dragoman.core.llm.langchain4j.LangChain4jProvider} is its one public type; the chat models per {@link
 * io.dragoman.core.llm.provider.ChatApi}, the HTTP client that keeps error headers, the schema hand-over and the
 * mapping of LangChain4j's exceptions to {@link io.dragoman.core.llm.ModelFailure}s stay package-private. Nothing
 * outside {@code core.llm} uses this package ({@code LangChain4jBoundaryTest} checks both rules).
 *
 * <p>Dependencies: {@code core.llm}, {@code core.llm.provider} and {@code core.llm.retry} (the waits a response asks
 * for, the rate limiter a response can pause); only {@code core.llm.setup} depends on it.
 */
package io.dragoman.core.llm.langchain4j;
