package io.dragoman.core.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The model providers Dragoman can talk to, with each one's defaults. */
public enum ProviderKind {
    /** Schema in {@code response_format: {type: json_schema, json_schema: {name, strict: true, schema}}}. */
    OPENAI("openai", "gpt-4.1-mini", "https://api.openai.com/v1", "OPENAI_API_KEY", true),
    /**
     * Schema in {@code output_config: {format: {type: json_schema, schema}}} (structured outputs, Claude 4.5 models and
     * later; older models answer 400).
     */
    ANTHROPIC("anthropic", "claude-haiku-4-5", "https://api.anthropic.com/v1", "ANTHROPIC_API_KEY", true),
    /** Schema in {@code generationConfig.responseJsonSchema} with {@code responseMimeType: application/json}. */
    GEMINI("gemini", "gemini-2.5-flash", "https://generativelanguage.googleapis.com/v1beta", "GEMINI_API_KEY", true),
    /** Schema in {@code response_format: {type: json_schema, json_schema: {name, strict: true, schema}}}. */
    MISTRAL("mistral", "mistral-small-latest", "https://api.mistral.ai/v1", "MISTRAL_API_KEY", true),
    /** Schema as {@code format}, which Ollama turns into a grammar that constrains decoding. */
    OLLAMA("ollama", "qwen2.5:7b", "http://localhost:11434", "", true),
    /**
     * Any server speaking the OpenAI chat completions API (vLLM, llama.cpp server, LM Studio, LiteLLM…); the schema goes
     * where OpenAI takes it, and a server that ignores {@code response_format} answers unconstrained.
     */
    OPENAI_COMPATIBLE("openai-compatible", "", "", "", true);

    private final String id;
    private final String defaultModel;
    private final String defaultBaseUrl;
    private final String keyVariable;
    private final boolean nativeJsonSchema;

    ProviderKind(String id, String defaultModel, String defaultBaseUrl, String keyVariable, boolean nativeJsonSchema) {
        this.id = id;
        this.defaultModel = defaultModel;
        this.defaultBaseUrl = defaultBaseUrl;
        this.keyVariable = keyVariable;
        this.nativeJsonSchema = nativeJsonSchema;
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
     * True when a request's JSON schema is sent in the provider's own structured-output field (each constant says
     * which), so the prompt need not repeat it; false when the provider would get no schema and the caller must put it
     * in the prompt. True for every provider today.
     */
    public boolean nativeJsonSchema() {
        return nativeJsonSchema;
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
