/**
 * Choosing a provider and assembling the stack that talks to it: {@link io.dragoman.core.llm.setup.ProviderResolver}
 * picks the provider, model, base URL and key from flags, the config file ({@link
 * io.dragoman.core.llm.setup.ConfigFile}), the environment and a local Ollama ({@link
 * io.dragoman.core.llm.setup.OllamaProbe}); {@link io.dragoman.core.llm.setup.ModelProviders} builds the LangChain4j
 * provider behind the rate limiter and the retries.
 *
 * <p>Dependencies: {@code core.llm}, {@code core.llm.provider}, {@code core.llm.retry} and {@code
 * core.llm.langchain4j}; nothing in {@code core.llm} depends on it. The top of the language-model packages, used by
 * the command line and by library users.
 */
package io.dragoman.core.llm.setup;
