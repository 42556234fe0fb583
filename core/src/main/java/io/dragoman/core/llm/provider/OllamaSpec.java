package io.dragoman.core.llm.provider;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** A local Ollama server: no key, no cost, and the schema in the prompt as well, for small models. */
public final class OllamaSpec implements ProviderSpec {

    /** Where Ollama listens unless told otherwise. */
    public static final String DEFAULT_BASE_URL = "http://localhost:11434";

    private static final Set<RetryHint> HINTS = Collections.unmodifiableSet(EnumSet.noneOf(RetryHint.class));

    @Override
    public String id() {
        return "ollama";
    }

    @Override
    public Optional<String> defaultModel() {
        return Optional.of("qwen2.5:7b");
    }

    @Override
    public Optional<String> defaultBaseUrl() {
        return Optional.of(DEFAULT_BASE_URL);
    }

    @Override
    public Optional<String> keyVariable() {
        return Optional.empty();
    }

    @Override
    public boolean schemaInPrompt() {
        return true;
    }

    @Override
    public boolean free() {
        return true;
    }

    @Override
    public boolean nativeJsonSchema() {
        return true;
    }

    @Override
    public Set<RetryHint> retryHints() {
        return HINTS;
    }

    @Override
    public ChatApi chatApi() {
        return ChatApi.OLLAMA_CHAT;
    }
}
