package io.dragoman.core.llm.provider;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Anthropic's messages API. */
public final class AnthropicSpec implements ProviderSpec {

    private static final Set<RetryHint> HINTS =
            Collections.unmodifiableSet(EnumSet.of(RetryHint.RETRY_AFTER, RetryHint.ANTHROPIC_RATE_LIMIT_RESET));

    @Override
    public String id() {
        return "anthropic";
    }

    @Override
    public Optional<String> defaultModel() {
        return Optional.of("claude-haiku-4-5");
    }

    @Override
    public Optional<String> defaultBaseUrl() {
        return Optional.of("https://api.anthropic.com/v1");
    }

    @Override
    public Optional<String> keyVariable() {
        return Optional.of("ANTHROPIC_API_KEY");
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
        return ChatApi.ANTHROPIC_MESSAGES;
    }
}
