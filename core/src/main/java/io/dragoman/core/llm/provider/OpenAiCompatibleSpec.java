package io.dragoman.core.llm.provider;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Any server speaking OpenAI's chat completions API (vLLM, llama.cpp server, LM Studio, LiteLLM…): the user names the
 * model and the address ({@code OPENAI_BASE_URL} may give it). Its key comes from {@value #KEY_VARIABLE}, never from
 * {@code OPENAI_API_KEY}, so that an OpenAI key is not sent to another server. Its small models get the schema in the
 * prompt as well.
 */
public final class OpenAiCompatibleSpec implements ProviderSpec {

    /** The environment variable holding the server's key, if it needs one. */
    public static final String KEY_VARIABLE = "OPENAI_COMPATIBLE_API_KEY";

    private static final Set<RetryHint> HINTS = Collections.unmodifiableSet(
            EnumSet.of(RetryHint.RETRY_AFTER_MS, RetryHint.RETRY_AFTER, RetryHint.RATE_LIMIT_RESET));

    @Override
    public String id() {
        return "openai-compatible";
    }

    @Override
    public Optional<String> defaultModel() {
        return Optional.empty();
    }

    @Override
    public Optional<String> defaultBaseUrl() {
        return Optional.empty();
    }

    @Override
    public Optional<String> keyVariable() {
        return Optional.of(KEY_VARIABLE);
    }

    /** A key is optional: many local servers take none. */
    @Override
    public boolean needsKey() {
        return false;
    }

    @Override
    public Optional<String> baseUrlVariable() {
        return Optional.of("OPENAI_BASE_URL");
    }

    @Override
    public boolean schemaInPrompt() {
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
        return ChatApi.OPENAI_CHAT_COMPLETIONS;
    }
}
