package io.dragoman.core.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GeminiProviderTest extends ProviderContractTest {

    static final String KEY = "AIzaDragomanFAKEKEY7f3a9c1e5b0123";

    @Override
    ProviderKind kind() {
        return ProviderKind.GEMINI;
    }

    @Override
    String model() {
        return "gemini-2.5-flash";
    }

    @Override
    Optional<String> fakeKey() {
        return Optional.of(KEY);
    }

    @Override
    String basePath() {
        return "/v1beta";
    }

    @Override
    String chatPath() {
        return "/v1beta/models/gemini-2.5-flash:generateContent";
    }

    @Override
    Optional<Usage> cachedUsage() {
        return Optional.of(new Usage(2412, 318, 2048, 0));
    }

    @Override
    String fixtures() {
        return "gemini";
    }

    @Override
    MappingBuilder withKeyHeader(MappingBuilder request) {
        return request.withHeader("x-goog-api-key", equalTo(KEY));
    }

    @Override
    Optional<String> schemaJsonPath() {
        return Optional.of("$.generationConfig.responseJsonSchema");
    }

    @Override
    RequestPatternBuilder withStructuredOutputMode(RequestPatternBuilder request) {
        return request.withRequestBody(
                        matchingJsonPath("$.generationConfig.responseMimeType", equalTo("application/json")))
                .withRequestBody(not(matchingJsonPath("$.generationConfig.responseSchema")));
    }

    @Override
    String maxTokensJsonPath() {
        return "$.generationConfig.maxOutputTokens";
    }

    @Override
    int rejectedKeyStatus() {
        return 400; // Gemini answers a bad key with 400 INVALID_ARGUMENT, reason API_KEY_INVALID
    }

    @Override
    String rejectedKeyFixture() {
        return "error-400-key.json";
    }

    @Test
    void waitsForTheRetryDelayInGeminiRetryInfoAfterA429() {
        stubOnce(json(429, "error-429.json"), json(200, "reply.json"));

        retrying().chat(request());

        assertThat(sleeps).containsExactly(Duration.ofSeconds(41));
    }
}
