package io.dragoman.core.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.dragoman.core.llm.langchain4j.LangChain4jProvider;
import io.dragoman.core.llm.setup.ProviderResolver;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A local OpenAI-compatible server (vLLM, llama.cpp server, LM Studio, LiteLLM) behind a key of its own. */
class OpenAiCompatibleProviderTest extends ProviderContractTest {

    static final String KEY = "sk-dragoman-local-FAKE-KEY-7f3a9c1e5b";

    @Override
    ProviderKind kind() {
        return ProviderKind.OPENAI_COMPATIBLE;
    }

    @Override
    String model() {
        return "qwen2.5-7b-instruct";
    }

    @Override
    Optional<String> fakeKey() {
        return Optional.of(KEY);
    }

    @Override
    String keySource() {
        return ProviderResolver.OPENAI_COMPATIBLE_KEY;
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
    Optional<Usage> cachedUsage() {
        return Optional.of(new Usage(2412, 318, 2048, 0));
    }

    @Override
    String fixtures() {
        return "openai-compatible";
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

    @Test
    void talksToAServerThatNeedsNoKey() {
        server.stubFor(post(urlPathEqualTo(chatPath())).willReturn(json(200, "reply.json")));
        ProviderConfig keyless = ProviderConfig.of(
                kind(), model(), "http://127.0.0.1:" + server.port() + basePath(), Optional.empty(), "");

        ModelReply reply = LangChain4jProvider.create(keyless, Clock.fixed(NOW, ZoneOffset.UTC))
                .chat(request());

        assertThat(reply.text()).startsWith(REPLY_START);
    }
}
