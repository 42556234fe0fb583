package io.dragoman.core.llm.langchain4j;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.dragoman.core.llm.ProviderConfig;

/**
 * Builds the LangChain4j chat model for a {@link ProviderConfig}, one builder per {@link
 * io.dragoman.core.llm.provider.ChatApi} that a provider's spec names: the configured base URL, no retries inside
 * LangChain4j (Dragoman retries, honouring {@code Retry-After}), no request logging (it would show keys), and an HTTP
 * client that keeps error headers. OpenAI and Mistral models send JSON schemas with {@code strict: true}, so the reply is
 * constrained to the schema rather than merely steered by it. Anthropic models mark the system message for the prompt
 * cache ({@code cache_control}); OpenAI and Gemini cache a repeated prompt prefix on their own.
 */
final class ChatModels {

    private ChatModels() {}

    static ChatModel build(ProviderConfig config) {
        return build(config, headers -> {});
    }

    /** The model, with a listener for the headers of every successful response. */
    static ChatModel build(
            ProviderConfig config,
            java.util.function.Consumer<java.util.Map<String, java.util.List<String>>> onSuccess) {
        HttpClientBuilder http =
                new HeaderKeepingHttpClient.Builder(config.connectTimeout(), config.readTimeout(), onSuccess);
        String key = config.apiKey().orElse(null);
        return switch (config.kind().spec().chatApi()) {
            case OPENAI_CHAT_COMPLETIONS ->
                OpenAiChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(config.baseUrl())
                        // servers that need no key still get a well-formed Authorization header
                        .apiKey(key == null ? "no-key" : key)
                        .modelName(config.model())
                        .strictJsonSchema(true)
                        .timeout(config.readTimeout())
                        .maxRetries(0)
                        .logRequests(false)
                        .logResponses(false)
                        .build();
            case ANTHROPIC_MESSAGES ->
                AnthropicChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(config.baseUrl())
                        .apiKey(key)
                        .modelName(config.model())
                        // a cache_control breakpoint after the system message: every request of a task shares it
                        .cacheSystemMessages(true)
                        .timeout(config.readTimeout())
                        .maxRetries(0)
                        .logRequests(false)
                        .logResponses(false)
                        .build();
            case GEMINI_GENERATE_CONTENT ->
                GoogleAiGeminiChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(config.baseUrl())
                        .apiKey(key)
                        .modelName(config.model())
                        .timeout(config.readTimeout())
                        .maxRetries(0)
                        .logRequests(false)
                        .logResponses(false)
                        .build();
            case MISTRAL_CHAT ->
                MistralAiChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(config.baseUrl())
                        .apiKey(key)
                        .modelName(config.model())
                        .strictJsonSchema(true)
                        .timeout(config.readTimeout())
                        .maxRetries(0)
                        .logRequests(false)
                        .logResponses(false)
                        .build();
            case OLLAMA_CHAT ->
                OllamaChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(config.baseUrl())
                        .modelName(config.model())
                        .timeout(config.readTimeout())
                        .maxRetries(0)
                        .logRequests(false)
                        .logResponses(false)
                        .build();
        };
    }
}
