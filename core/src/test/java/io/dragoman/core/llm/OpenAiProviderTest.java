package io.dragoman.core.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.Optional;

class OpenAiProviderTest extends ProviderContractTest {

    static final String KEY = "sk-dragoman-FAKE-KEY-7f3a9c1e5b";

    @Override
    ProviderKind kind() {
        return ProviderKind.OPENAI;
    }

    @Override
    String model() {
        return "gpt-4.1-mini";
    }

    @Override
    Optional<String> fakeKey() {
        return Optional.of(KEY);
    }

    @Override
    String basePath() {
        return "/v1";
    }

    @Override
    String chatPath() {
        return "/v1/chat/completions";
    }

    @Override
    String fixtures() {
        return "openai";
    }

    @Override
    MappingBuilder withKeyHeader(MappingBuilder request) {
        return request.withHeader("Authorization", equalTo("Bearer " + KEY));
    }

    @Override
    String maxTokensJsonPath() {
        return "$.max_tokens";
    }
}
