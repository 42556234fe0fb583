/**
 * Retrying and rate limiting around any {@link io.dragoman.core.llm.ModelProvider}: {@link
 * io.dragoman.core.llm.retry.RetryingModelProvider} waits as the server asked or backs off, {@link
 * io.dragoman.core.llm.retry.RateLimiter} spaces the calls of every worker sharing an account, {@link
 * io.dragoman.core.llm.retry.RetryAfter} reads the waits a provider asks for, {@link
 * io.dragoman.core.llm.retry.ReachabilityGuard} gives up on a server that cannot be reached.
 *
 * <p>Dependencies: {@code core.llm} and {@code core.llm.provider} only; it knows nothing of LangChain4j or of how a
 * provider is chosen.
 */
package io.dragoman.core.llm.retry;
