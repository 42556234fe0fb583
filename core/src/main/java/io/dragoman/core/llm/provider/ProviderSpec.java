package io.dragoman.core.llm.provider;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything Dragoman knows about one model provider, in one place: one constant below per provider. Adding a provider
 * is one constant, its {@link io.dragoman.core.llm.ProviderKind} and its contract-test stubs; a provider that speaks a
 * chat API no spec used before also needs that {@link ChatApi} constant and its model builder in the LangChain4j
 * adapter.
 *
 * @param id the name users type and stored records carry, e.g. {@code openai-compatible}
 * @param defaultModel the model used when the user names none, or empty when the user must name one
 * @param defaultBaseUrl the provider's public API base URL, or empty when the user must give one
 * @param keyVariable the environment variable the key is read from, or empty when the provider never takes one
 * @param needsKey true when calls need an API key; such a provider is chosen when its key is in the environment
 * @param baseUrlVariable the environment variable that may set the base URL, e.g. {@code OPENAI_BASE_URL}
 * @param nativeJsonSchema true when a request's JSON schema is sent in the provider's own structured-output field
 *     ({@link #chatApi()} says which), so the prompt need not repeat it
 * @param schemaInPrompt true when the summary prompt also carries the schema: when the provider cannot take it
 *     natively, and for local and OpenAI-compatible servers, whose small models follow a schema better when they can
 *     read it and some of which ignore {@code response_format}
 * @param retryHints the ways this provider says how long to wait; documents what its servers send and what its
 *     contract test checks (Dragoman reads every hint from every provider, since a proxy in front of one may speak
 *     another's)
 * @param free true when the provider's models cost nothing unless the price table says otherwise (local models)
 * @param chatApi the chat API the provider speaks, which decides the LangChain4j model that talks to it
 */
public record ProviderSpec(
        String id,
        Optional<String> defaultModel,
        Optional<String> defaultBaseUrl,
        Optional<String> keyVariable,
        boolean needsKey,
        Optional<String> baseUrlVariable,
        boolean nativeJsonSchema,
        boolean schemaInPrompt,
        Set<RetryHint> retryHints,
        boolean free,
        ChatApi chatApi) {

    /** Where Ollama listens unless told otherwise. */
    public static final String OLLAMA_BASE_URL = "http://localhost:11434";

    /**
     * The environment variable holding an OpenAI-compatible server's key, if it needs one; never {@code
     * OPENAI_API_KEY}, so that an OpenAI key is not sent to another server.
     */
    public static final String OPENAI_COMPATIBLE_KEY = "OPENAI_COMPATIBLE_API_KEY";

    /** OpenAI's API; {@code OPENAI_BASE_URL} may point it elsewhere, as in OpenAI's own SDKs. */
    public static final ProviderSpec OPENAI = keyed(
                    "openai", "gpt-4.1-mini", "https://api.openai.com/v1", "OPENAI_API_KEY")
            .withBaseUrlVariable("OPENAI_BASE_URL")
            .with(
                    ChatApi.OPENAI_CHAT_COMPLETIONS,
                    RetryHint.RETRY_AFTER_MS,
                    RetryHint.RETRY_AFTER,
                    RetryHint.RATE_LIMIT_RESET);

    /** Anthropic's messages API. */
    public static final ProviderSpec ANTHROPIC = keyed(
                    "anthropic", "claude-haiku-4-5", "https://api.anthropic.com/v1", "ANTHROPIC_API_KEY")
            .with(ChatApi.ANTHROPIC_MESSAGES, RetryHint.RETRY_AFTER, RetryHint.ANTHROPIC_RATE_LIMIT_RESET);

    /** Google's Gemini API. */
    public static final ProviderSpec GEMINI = keyed(
                    "gemini", "gemini-2.5-flash", "https://generativelanguage.googleapis.com/v1beta", "GEMINI_API_KEY")
            .with(ChatApi.GEMINI_GENERATE_CONTENT, RetryHint.GEMINI_RETRY_INFO);

    /** Mistral's API. */
    public static final ProviderSpec MISTRAL = keyed(
                    "mistral", "mistral-small-latest", "https://api.mistral.ai/v1", "MISTRAL_API_KEY")
            .with(ChatApi.MISTRAL_CHAT, RetryHint.RETRY_AFTER, RetryHint.RATE_LIMIT_RESET);

    /** A local Ollama server: no key, no cost, and the schema in the prompt as well, for small models. */
    public static final ProviderSpec OLLAMA = new ProviderSpec(
            "ollama",
            Optional.of("qwen2.5:7b"),
            Optional.of(OLLAMA_BASE_URL),
            Optional.empty(),
            false,
            Optional.empty(),
            true,
            true,
            Set.of(),
            true,
            ChatApi.OLLAMA_CHAT);

    /**
     * Any server speaking OpenAI's chat completions API (vLLM, llama.cpp server, LM Studio, LiteLLM…): the user names
     * the model and the address ({@code OPENAI_BASE_URL} may give it); a key is optional, since many local servers
     * take none; its small models get the schema in the prompt as well.
     */
    public static final ProviderSpec OPENAI_COMPATIBLE = new ProviderSpec(
            "openai-compatible",
            Optional.empty(),
            Optional.empty(),
            Optional.of(OPENAI_COMPATIBLE_KEY),
            false,
            Optional.of("OPENAI_BASE_URL"),
            true,
            true,
            Set.of(RetryHint.RETRY_AFTER_MS, RetryHint.RETRY_AFTER, RetryHint.RATE_LIMIT_RESET),
            false,
            ChatApi.OPENAI_CHAT_COMPLETIONS);

    /** Validates and copies. */
    public ProviderSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(defaultModel, "defaultModel");
        Objects.requireNonNull(defaultBaseUrl, "defaultBaseUrl");
        Objects.requireNonNull(keyVariable, "keyVariable");
        Objects.requireNonNull(baseUrlVariable, "baseUrlVariable");
        retryHints = retryHints.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(retryHints));
        Objects.requireNonNull(chatApi, "chatApi");
    }

    /** A hosted provider that needs its key and takes the schema natively. */
    private static ProviderSpec keyed(String id, String model, String baseUrl, String keyVariable) {
        return new ProviderSpec(
                id,
                Optional.of(model),
                Optional.of(baseUrl),
                Optional.of(keyVariable),
                true,
                Optional.empty(),
                true,
                false,
                Set.of(),
                false,
                ChatApi.OPENAI_CHAT_COMPLETIONS);
    }

    private ProviderSpec withBaseUrlVariable(String variable) {
        return new ProviderSpec(
                id,
                defaultModel,
                defaultBaseUrl,
                keyVariable,
                needsKey,
                Optional.of(variable),
                nativeJsonSchema,
                schemaInPrompt,
                retryHints,
                free,
                chatApi);
    }

    private ProviderSpec with(ChatApi api, RetryHint... hints) {
        return new ProviderSpec(
                id,
                defaultModel,
                defaultBaseUrl,
                keyVariable,
                needsKey,
                baseUrlVariable,
                nativeJsonSchema,
                schemaInPrompt,
                Set.of(hints),
                free,
                api);
    }
}
