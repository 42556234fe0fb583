package io.dragoman.core.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.ProviderKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each provider's facts, as they were when they were spread over {@code ProviderKind}, {@code ChatModels}, {@code
 * ProviderResolver}, {@code PriceTable} and {@code Summarizer}: moving them into one spec per provider changed none.
 */
class ProviderSpecTest {

    /** One provider's facts, written out. */
    record Facts(
            ProviderKind kind,
            String id,
            Optional<String> defaultModel,
            Optional<String> defaultBaseUrl,
            Optional<String> keyVariable,
            boolean needsKey,
            Optional<String> baseUrlVariable,
            boolean schemaInPrompt,
            boolean free,
            ChatApi chatApi) {}

    static final List<Facts> BEFORE = List.of(
            new Facts(
                    ProviderKind.OPENAI,
                    "openai",
                    Optional.of("gpt-4.1-mini"),
                    Optional.of("https://api.openai.com/v1"),
                    Optional.of("OPENAI_API_KEY"),
                    true,
                    Optional.of("OPENAI_BASE_URL"),
                    false,
                    false,
                    ChatApi.OPENAI_CHAT_COMPLETIONS),
            new Facts(
                    ProviderKind.ANTHROPIC,
                    "anthropic",
                    Optional.of("claude-haiku-4-5"),
                    Optional.of("https://api.anthropic.com/v1"),
                    Optional.of("ANTHROPIC_API_KEY"),
                    true,
                    Optional.empty(),
                    false,
                    false,
                    ChatApi.ANTHROPIC_MESSAGES),
            new Facts(
                    ProviderKind.GEMINI,
                    "gemini",
                    Optional.of("gemini-2.5-flash"),
                    Optional.of("https://generativelanguage.googleapis.com/v1beta"),
                    Optional.of("GEMINI_API_KEY"),
                    true,
                    Optional.empty(),
                    false,
                    false,
                    ChatApi.GEMINI_GENERATE_CONTENT),
            new Facts(
                    ProviderKind.MISTRAL,
                    "mistral",
                    Optional.of("mistral-small-latest"),
                    Optional.of("https://api.mistral.ai/v1"),
                    Optional.of("MISTRAL_API_KEY"),
                    true,
                    Optional.empty(),
                    false,
                    false,
                    ChatApi.MISTRAL_CHAT),
            new Facts(
                    ProviderKind.OLLAMA,
                    "ollama",
                    Optional.of("qwen2.5:7b"),
                    Optional.of("http://localhost:11434"),
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    true,
                    true,
                    ChatApi.OLLAMA_CHAT),
            new Facts(
                    ProviderKind.OPENAI_COMPATIBLE,
                    "openai-compatible",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("OPENAI_COMPATIBLE_API_KEY"),
                    false,
                    Optional.of("OPENAI_BASE_URL"),
                    true,
                    false,
                    ChatApi.OPENAI_CHAT_COMPLETIONS));

    @Test
    void everyProviderKeepsItsFacts() {
        assertThat(BEFORE).extracting(Facts::kind).containsExactly(ProviderKind.values());
        for (Facts before : BEFORE) {
            ProviderKind kind = before.kind();
            ProviderSpec spec = kind.spec();

            assertThat(new Facts(
                            kind,
                            spec.id(),
                            spec.defaultModel(),
                            spec.defaultBaseUrl(),
                            spec.keyVariable(),
                            spec.needsKey(),
                            spec.baseUrlVariable(),
                            spec.schemaInPrompt(),
                            spec.free(),
                            spec.chatApi()))
                    .isEqualTo(before);
            assertThat(spec.nativeJsonSchema())
                    .as("%s takes the schema natively", kind)
                    .isTrue();
        }
    }

    @Test
    void theEnumShowsWhatItShowedBefore() {
        for (Facts before : BEFORE) {
            ProviderKind kind = before.kind();
            assertThat(kind.id()).isEqualTo(before.id());
            assertThat(kind.defaultModel()).isEqualTo(before.defaultModel());
            assertThat(kind.defaultBaseUrl()).isEqualTo(before.defaultBaseUrl());
            assertThat(kind.needsKey()).isEqualTo(before.needsKey());
            // the enum names a key variable only for providers that need a key, as before
            assertThat(kind.keyVariable()).isEqualTo(before.needsKey() ? before.keyVariable() : Optional.empty());
            assertThat(ProviderKind.fromId(before.id())).isSameAs(kind);
            assertThat(ProviderKind.fromId(kind.name())).isSameAs(kind);
        }
    }

    @Test
    void idsAreDistinct() {
        assertThat(Arrays.stream(ProviderKind.values()).map(ProviderKind::id)).doesNotHaveDuplicates();
    }

    @Test
    void aFreeProvidersUnknownModelsCostNothingAndOthersAreUnknown() {
        PriceTable prices = PriceTable.builtIn();
        for (ProviderKind kind : ProviderKind.values()) {
            assertThat(prices.price(kind, "a-model-nobody-prices").isPresent())
                    .as("%s prices an unknown model", kind)
                    .isEqualTo(kind.spec().free());
        }
        assertThat(prices.price(ProviderKind.OLLAMA, "a-model-nobody-prices")).contains(PriceTable.Price.FREE);
    }

    @Test
    void retryHintsAreWhatEachProviderSends() {
        assertThat(ProviderKind.OPENAI.spec().retryHints())
                .containsExactly(RetryHint.RETRY_AFTER_MS, RetryHint.RETRY_AFTER, RetryHint.RATE_LIMIT_RESET);
        assertThat(ProviderKind.ANTHROPIC.spec().retryHints())
                .containsExactly(RetryHint.RETRY_AFTER, RetryHint.ANTHROPIC_RATE_LIMIT_RESET);
        assertThat(ProviderKind.GEMINI.spec().retryHints()).containsExactly(RetryHint.GEMINI_RETRY_INFO);
        assertThat(ProviderKind.MISTRAL.spec().retryHints())
                .containsExactly(RetryHint.RETRY_AFTER, RetryHint.RATE_LIMIT_RESET);
        assertThat(ProviderKind.OLLAMA.spec().retryHints()).isEmpty();
        assertThat(ProviderKind.OPENAI_COMPATIBLE.spec().retryHints())
                .isEqualTo(ProviderKind.OPENAI.spec().retryHints());
        assertThat(ProviderKind.OPENAI.spec().retryHints()).isUnmodifiable();
    }
}
