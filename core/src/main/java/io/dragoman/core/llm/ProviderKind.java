package io.dragoman.core.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The model providers Dragoman can talk to, with each one's defaults. */
public enum ProviderKind {
    OPENAI("openai", "gpt-4.1-mini", "https://api.openai.com/v1", "OPENAI_API_KEY"),
    ANTHROPIC("anthropic", "claude-haiku-4-5", "https://api.anthropic.com/v1", "ANTHROPIC_API_KEY"),
    GEMINI("gemini", "gemini-2.5-flash", "https://generativelanguage.googleapis.com/v1beta", "GEMINI_API_KEY"),
    MISTRAL("mistral", "mistral-small-latest", "https://api.mistral.ai/v1", "MISTRAL_API_KEY"),
    OLLAMA("ollama", "qwen2.5:7b", "http://localhost:11434", ""),
    /** Any server speaking the OpenAI chat completions API (vLLM, llama.cpp server, LM Studio, LiteLLM…). */
    OPENAI_COMPATIBLE("openai-compatible", "", "", "");

    private final String id;
    private final String defaultModel;
    private final String defaultBaseUrl;
    private final String keyVariable;

    ProviderKind(String id, String defaultModel, String defaultBaseUrl, String keyVariable) {
        this.id = id;
        this.defaultModel = defaultModel;
        this.defaultBaseUrl = defaultBaseUrl;
        this.keyVariable = keyVariable;
    }

    /** The name users type, e.g. {@code openai-compatible}. */
    public String id() {
        return id;
    }

    /** The model used when the user names none, or empty when the user must name one. */
    public Optional<String> defaultModel() {
        return defaultModel.isEmpty() ? Optional.empty() : Optional.of(defaultModel);
    }

    /** The provider's public API base URL, or empty when the user must give one. */
    public Optional<String> defaultBaseUrl() {
        return defaultBaseUrl.isEmpty() ? Optional.empty() : Optional.of(defaultBaseUrl);
    }

    /** The environment variable that holds this provider's key, or empty when it needs none. */
    public Optional<String> keyVariable() {
        return keyVariable.isEmpty() ? Optional.empty() : Optional.of(keyVariable);
    }

    /** True when calls need an API key. */
    public boolean needsKey() {
        return !keyVariable.isEmpty();
    }

    /**
     * The provider a user named, case-insensitively, by id ({@code openai-compatible}) or constant name.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
     */
    public static ProviderKind fromId(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ProviderKind kind : values()) {
            if (kind.id.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown provider '" + name + "'; use one of: "
                + Arrays.stream(values()).map(ProviderKind::id).collect(Collectors.joining(", ")) + ".");
    }
}
