package io.dragoman.core.llm.langchain4j;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.googleai.GoogleAiGeminiTokenUsage;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.llm.retry.RateLimiter;
import io.dragoman.core.llm.retry.RetryAfter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ModelProvider} backed by a LangChain4j {@link ChatModel}: the one entry point of this package. Makes exactly
 * one HTTP call per {@link #chat} (wrap it in a {@link io.dragoman.core.llm.retry.RetryingModelProvider} to retry) and
 * throws only {@link ModelFailure}s.
 *
 * <p>A request's JSON schema is sent as the provider's native structured output, in the field its spec's {@link
 * io.dragoman.core.llm.provider.ChatApi} names; nothing is added to the prompt (callers ask the spec's {@link
 * io.dragoman.core.llm.provider.ProviderSpec#schemaInPrompt()} whether the prompt must carry the schema too). Providers
 * constrain the reply to the schema, but a reply can still be cut off ({@link FinishReason#LENGTH}) or come from a
 * server that ignores the field, so the caller validates it.
 */
public final class LangChain4jProvider implements ModelProvider {

    private final ProviderConfig config;
    private final ChatModel model;
    private final FailureMapper failures;
    private final Clock clock;

    LangChain4jProvider(ProviderConfig config, ChatModel model, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.model = Objects.requireNonNull(model, "model");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.failures = new FailureMapper(config);
    }

    /** A provider for the config, reading the time (for HTTP-date {@code Retry-After}) from {@code clock}. */
    public static LangChain4jProvider create(ProviderConfig config, Clock clock) {
        return new LangChain4jProvider(config, ChatModels.build(config), clock);
    }

    /**
     * A provider for the config whose successful responses' rate-limit headers ({@code x-ratelimit-remaining-*} at 0
     * with {@code x-ratelimit-reset-*}, Anthropic's {@code anthropic-ratelimit-*}) pause the limiter until the
     * provider's window resets, so the next calls wait instead of bouncing off a 429.
     */
    public static LangChain4jProvider create(ProviderConfig config, Clock clock, RateLimiter limiter) {
        return new LangChain4jProvider(
                config,
                ChatModels.build(config, headers -> RetryAfter.exhaustedLimit(headers, clock.instant())
                        .ifPresent(limiter::pause)),
                clock);
    }

    /** A provider for the config, on the system clock. */
    public static LangChain4jProvider create(ProviderConfig config) {
        return create(config, Clock.systemUTC());
    }

    @Override
    public ModelReply chat(ModelRequest request) {
        List<ChatMessage> messages = new ArrayList<>(2);
        if (!request.system().isEmpty()) {
            messages.add(SystemMessage.from(request.system()));
        }
        messages.add(UserMessage.from(request.user()));
        ChatRequest.Builder chat = ChatRequest.builder()
                .messages(messages)
                .maxOutputTokens(request.maxOutputTokens())
                .temperature(request.temperature());
        request.jsonSchema().ifPresent(schema -> chat.responseFormat(ResponseFormats.json(schema)));
        ChatResponse response;
        try {
            response = model.chat(chat.build());
        } catch (RuntimeException e) {
            throw failures.map(e, clock.instant());
        }
        String text = response.aiMessage() == null || response.aiMessage().text() == null
                ? ""
                : response.aiMessage().text();
        String modelName = response.modelName() == null ? config.model() : response.modelName();
        return new ModelReply(text, finishReason(response), usage(response.tokenUsage()), config.kind(), modelName);
    }

    @Override
    public ProviderInfo info() {
        return config.info();
    }

    @Override
    public String toString() {
        return "LangChain4jProvider[" + config + "]";
    }

    private static FinishReason finishReason(ChatResponse response) {
        if (response.finishReason() == null) {
            return FinishReason.OTHER;
        }
        return switch (response.finishReason()) {
            case STOP -> FinishReason.STOP;
            case LENGTH -> FinishReason.LENGTH;
            case CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    /**
     * Our usage from LangChain4j's, with the prompt-cache counts of the provider's own subclass: OpenAI's prompt
     * tokens include the cached ones, Gemini's the cached content; Anthropic's input tokens are only the uncached ones,
     * so the cache reads and writes are added to make the whole prompt.
     */
    static Optional<Usage> usage(TokenUsage usage) {
        if (usage == null || usage.inputTokenCount() == null || usage.outputTokenCount() == null) {
            return Optional.empty();
        }
        long input = usage.inputTokenCount();
        long output = usage.outputTokenCount();
        if (usage instanceof AnthropicTokenUsage anthropic) {
            long read = count(anthropic.cacheReadInputTokens());
            long written = count(anthropic.cacheCreationInputTokens());
            return Optional.of(new Usage(input + read + written, output, read, written));
        }
        long cached = 0;
        if (usage instanceof OpenAiTokenUsage openai && openai.inputTokensDetails() != null) {
            cached = count(openai.inputTokensDetails().cachedTokens());
        } else if (usage instanceof GoogleAiGeminiTokenUsage gemini) {
            cached = count(gemini.cachedContentTokenCount());
        }
        return Optional.of(new Usage(input, output, Math.min(cached, input), 0));
    }

    private static long count(Integer tokens) {
        return tokens == null || tokens < 0 ? 0 : tokens;
    }
}
