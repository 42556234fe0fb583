package io.dragoman.core.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
    Optional<Usage> cachedUsage() {
        return Optional.of(new Usage(2412, 318, 2000, 400));
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
    Optional<String> schemaJsonPath() {
        return Optional.of("$.output_config.format.schema");
    }

    @Override
    RequestPatternBuilder withStructuredOutputMode(RequestPatternBuilder request) {
        return request.withRequestBody(matchingJsonPath("$.output_config.format.type", equalTo("json_schema")));
    }

    @Override
    String maxTokensJsonPath() {
        return "$.max_tokens";
    }

    @Test
    void sendsTheSystemMessageSeparatelyAndTheSchemaAsAnOutputFormat() {
        server.stubFor(post(urlPathEqualTo(chatPath()))
                .withHeader("anthropic-version", containing("20"))
                .withRequestBody(matchingJsonPath("$.system"))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.output_config.format.type", equalTo("json_schema")))
                .withRequestBody(notContaining("response_format"))
                .willReturn(json(200, "summary.json")));

        assertThat(retrying().chat(summaryRequest()).text()).isEqualTo(SUMMARY_TEXT);
    }
}
