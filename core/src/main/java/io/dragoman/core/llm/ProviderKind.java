package io.dragoman.core.llm;

import io.dragoman.core.llm.provider.ProviderSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The model providers Dragoman can talk to, as users name them and stored records carry them ({@link #id()}). Each
 * constant points at its {@link ProviderSpec}, which holds everything else about the provider.
 */
public enum ProviderKind {
    /** OpenAI. */
    OPENAI(ProviderSpec.OPENAI),
    /** Anthropic. */
    ANTHROPIC(ProviderSpec.ANTHROPIC),
    /** Google's Gemini. */
    GEMINI(ProviderSpec.GEMINI),
    /** Mistral. */
    MISTRAL(ProviderSpec.MISTRAL),
    /** A local Ollama server. */
    OLLAMA(ProviderSpec.OLLAMA),
    /** Any server speaking the OpenAI chat completions API (vLLM, llama.cpp server, LM Studio, LiteLLM…). */
    OPENAI_COMPATIBLE(ProviderSpec.OPENAI_COMPATIBLE);

    private final ProviderSpec spec;

    ProviderKind(ProviderSpec spec) {
        this.spec = spec;
    }

    /** Everything Dragoman knows about this provider. */
    public ProviderSpec spec() {
        return spec;
    }

    /** The name users type, e.g. {@code openai-compatible}. */
    public String id() {
        return spec.id();
    }

    /** The model used when the user names none, or empty when the user must name one. */
    public Optional<String> defaultModel() {
        return spec.defaultModel();
    }

    /** The provider's public API base URL, or empty when the user must give one. */
    public Optional<String> defaultBaseUrl() {
        return spec.defaultBaseUrl();
    }

    /**
     * The environment variable that holds this provider's key, or empty when it needs none (the spec's {@link
     * ProviderSpec#keyVariable()} also names where an optional key is read from).
     */
    public Optional<String> keyVariable() {
        return spec.needsKey() ? spec.keyVariable() : Optional.empty();
    }

    /** True when calls need an API key. */
    public boolean needsKey() {
        return spec.needsKey();
    }

    /**
     * True when a request's JSON schema is sent in the provider's own structured-output field, so the prompt need not
     * repeat it; false when the provider would get no schema and the caller must put it in the prompt.
     */
    public boolean nativeJsonSchema() {
        return spec.nativeJsonSchema();
    }

    /**
     * The provider a user named, case-insensitively, by id ({@code openai-compatible}) or constant name.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
     */
    public static ProviderKind fromId(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ProviderKind kind : values()) {
            if (kind.id().equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown provider '" + name + "'; use one of: "
                + Arrays.stream(values()).map(ProviderKind::id).collect(Collectors.joining(", ")) + ".");
    }
}
