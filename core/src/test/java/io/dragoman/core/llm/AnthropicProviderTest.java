package io.dragoman.core.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.Optional;

class AnthropicProviderTest extends ProviderContractTest {

    static final String KEY = "sk-ant-dragoman-FAKE-KEY-7f3a9c1e5b";

    @Override
    ProviderKind kind() {
        return ProviderKind.ANTHROPIC;
    }

    @Override
    String model() {
        return "claude-haiku-4-5";
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
        return "/v1/messages";
    }

    @Override
    String fixtures() {
        return "anthropic";
    }

    @Override
    MappingBuilder withKeyHeader(MappingBuilder request) {
        return request.withHeader("x-api-key", equalTo(KEY));
    }

    @Override
    String maxTokensJsonPath() {
        return "$.max_tokens";
    }
}
