package io.dragoman.core.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.dragoman.core.llm.retry.RateLimiter;
import io.dragoman.core.llm.retry.RetryingModelProvider;
import io.dragoman.core.llm.setup.ModelProviders;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
    Optional<Usage> cachedUsage() {
        return Optional.of(new Usage(2412, 318, 2048, 0));
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
    void leavesUsageEmptyWhenTheServerDoesNotReportIt() {
        String withoutUsage = resource("openai/reply.json").replaceAll("(?s),\\s*\"usage\": \\{.*?\\n  \\}", "");
        server.stubFor(post(urlPathEqualTo(chatPath()))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(withoutUsage)));

        ModelReply reply = retrying().chat(request());

        assertThat(withoutUsage).doesNotContain("usage");
        assertThat(reply.text()).startsWith(REPLY_START);
        assertThat(reply.usage()).isEmpty();
    }

    @Test
    void reportsAnExhaustedQuotaAsPermanentWithoutRetrying() {
        server.stubFor(post(urlPathEqualTo(chatPath())).willReturn(json(429, "error-429-insufficient-quota.json")));

        PermanentFailure failure =
                catchThrowableOfType(PermanentFailure.class, () -> retrying().chat(request()));

        assertThat(failure.httpStatus()).isEqualTo(429);
        assertThat(failure)
                .hasMessageContaining("quota of the key in OPENAI_API_KEY")
                .hasMessageContaining("retrying will not help")
                .hasMessageNotContaining(KEY);
        assertThat(chatCalls()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void waitsForTheResetOfTheExhaustedRateLimitWhenThereIsNoRetryAfter() {
        stubOnce(
                json(429, "error-429.json")
                        .withHeader("x-ratelimit-limit-requests", "3")
                        .withHeader("x-ratelimit-remaining-requests", "0")
                        .withHeader("x-ratelimit-reset-requests", "19.5s")
                        .withHeader("x-ratelimit-remaining-tokens", "39000")
                        .withHeader("x-ratelimit-reset-tokens", "1.5s"),
                json(200, "reply.json"));

        retrying().chat(request());

        assertThat(sleeps).containsExactly(Duration.ofMillis(19_500));
    }

    @Test
    void sendsTheSystemMessageFirstAndAStrictNamedSchemaWhenTheRequestCarriesOne() {
        server.stubFor(post(urlPathEqualTo(chatPath()))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[1].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("Headline")))
                .willReturn(json(200, "summary.json")));

        assertThat(retrying().chat(summaryRequest()).text()).isEqualTo(SUMMARY_TEXT);
    }

    @Test
    void pausesTheSharedLimiterWhenASuccessfulReplySaysTheRequestWindowIsUsedUp() {
        server.stubFor(post(urlPathEqualTo(chatPath()))
                .willReturn(json(200, "reply.json")
                        .withHeader("x-ratelimit-remaining-requests", "0")
                        .withHeader("x-ratelimit-reset-requests", "6s")));
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        RateLimiter limiter = new RateLimiter(RateLimiter.Limits.NONE, nanos::get, d -> {
            sleeps.add(d);
            nanos.addAndGet(d.toNanos());
        });
        ModelProvider provider = ModelProviders.create(
                config(),
                limiter,
                RetryingModelProvider.Settings.DEFAULT,
                sleeps::add,
                java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));

        provider.chat(request());
        provider.chat(request());

        assertThat(sleeps).containsExactly(java.time.Duration.ofSeconds(6));
    }
}
