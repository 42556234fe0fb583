package io.dragoman.core.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.Optional;

class MistralProviderTest extends ProviderContractTest {

    static final String KEY = "dragoman-mistral-FAKE-KEY-7f3a9c1e5b";

    @Override
    ProviderKind kind() {
        return ProviderKind.MISTRAL;
    }

    @Override
    String model() {
        return "mistral-small-latest";
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
        return "mistral";
    }

    @Override
    MappingBuilder withKeyHeader(MappingBuilder request) {
        return request.withHeader("Authorization", equalTo("Bearer " + KEY));
    }

    @Override
    String maxTokensJsonPath() {
        return "$.max_tokens";
    }

    @Override
    int unknownModelStatus() {
        return 400; // Mistral answers an unknown model with 400 invalid_model
    }
}
