package io.dragoman.core.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.util.Optional;

class OllamaProviderTest extends ProviderContractTest {

    @Override
    ProviderKind kind() {
        return ProviderKind.OLLAMA;
    }

    @Override
    String model() {
        return "qwen2.5:7b";
    }

    @Override
    Optional<String> fakeKey() {
        return Optional.empty();
    }

    @Override
    String basePath() {
        return "";
    }

    @Override
    String chatPath() {
        return "/api/chat";
    }

    @Override
    String fixtures() {
        return "ollama";
    }

    @Override
    MappingBuilder withKeyHeader(MappingBuilder request) {
        return request.withHeader("Authorization", absent());
    }

    @Override
    Optional<String> schemaJsonPath() {
        return Optional.of("$.format");
    }

    @Override
    RequestPatternBuilder withStructuredOutputMode(RequestPatternBuilder request) {
        return request; // Ollama has no switch besides the schema in format
    }

    @Override
    String maxTokensJsonPath() {
        return "$.options.num_predict";
    }
}
