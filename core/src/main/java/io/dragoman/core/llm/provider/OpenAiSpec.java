package io.dragoman.core.llm.provider;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** OpenAI's API; {@code OPENAI_BASE_URL} may point it elsewhere, as in OpenAI's own SDKs. */
public final class OpenAiSpec implements ProviderSpec {

    private static final Set<RetryHint> HINTS = Collections.unmodifiableSet(
            EnumSet.of(RetryHint.RETRY_AFTER_MS, RetryHint.RETRY_AFTER, RetryHint.RATE_LIMIT_RESET));

    @Override
    public String id() {
        return "openai";
    }

    @Override
    public Optional<String> defaultModel() {
        return Optional.of("gpt-4.1-mini");
    }

    @Override
    public Optional<String> defaultBaseUrl() {
        return Optional.of("https://api.openai.com/v1");
    }

    @Override
    public Optional<String> keyVariable() {
        return Optional.of("OPENAI_API_KEY");
    }

    @Override
    public Optional<String> baseUrlVariable() {
        return Optional.of("OPENAI_BASE_URL");
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
        return ChatApi.OPENAI_CHAT_COMPLETIONS;
    }
}
