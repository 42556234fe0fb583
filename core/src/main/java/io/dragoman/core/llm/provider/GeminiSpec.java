package io.dragoman.core.llm.provider;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Google's Gemini API. */
public final class GeminiSpec implements ProviderSpec {

    private static final Set<RetryHint> HINTS = Collections.unmodifiableSet(EnumSet.of(RetryHint.GEMINI_RETRY_INFO));

    @Override
    public String id() {
        return "gemini";
    }

    @Override
    public Optional<String> defaultModel() {
        return Optional.of("gemini-2.5-flash");
    }

    @Override
    public Optional<String> defaultBaseUrl() {
        return Optional.of("https://generativelanguage.googleapis.com/v1beta");
    }

    @Override
    public Optional<String> keyVariable() {
        return Optional.of("GEMINI_API_KEY");
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
        return ChatApi.GEMINI_GENERATE_CONTENT;
    }
}
