package io.dragoman.core.llm.provider;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Mistral's API. */
public final class MistralSpec implements ProviderSpec {

    private static final Set<RetryHint> HINTS =
            Collections.unmodifiableSet(EnumSet.of(RetryHint.RETRY_AFTER, RetryHint.RATE_LIMIT_RESET));

    @Override
    public String id() {
        return "mistral";
    }

    @Override
    public Optional<String> defaultModel() {
        return Optional.of("mistral-small-latest");
    }

    @Override
    public Optional<String> defaultBaseUrl() {
        return Optional.of("https://api.mistral.ai/v1");
    }

    @Override
    public Optional<String> keyVariable() {
        return Optional.of("MISTRAL_API_KEY");
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
        return ChatApi.MISTRAL_CHAT;
    }
}
