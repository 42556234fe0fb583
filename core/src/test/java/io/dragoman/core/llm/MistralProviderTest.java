package io.dragoman.core.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
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
    Optional<String> schemaJsonPath() {
        return Optional.of("$.response_format.json_schema.schema");
    }

    @Override
    RequestPatternBuilder withStructuredOutputMode(RequestPatternBuilder request) {
        return request.withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("Headline")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")));
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
