package io.dragoman.core.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dragoman.core.llm.retry.RateLimiter;
import io.dragoman.core.llm.retry.RetryingModelProvider;
import io.dragoman.core.llm.setup.ModelProviders;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelProvidersTest {

    private final WireMockServer server =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void buildsAStackThatRetriesAndCountsEveryAttemptAgainstTheRateLimit() {
        String path = "/v1/chat/completions";
        server.stubFor(post(urlPathEqualTo(path))
                .inScenario("s")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "2")
                        .withBody(ProviderContractTest.resource("openai/error-429.json")))
                .willSetStateTo("ok"));
        server.stubFor(post(urlPathEqualTo(path))
                .inScenario("s")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ProviderContractTest.resource("openai/reply.json"))));
        ProviderConfig config = ProviderConfig.of(
                ProviderKind.OPENAI,
                "gpt-4.1-mini",
                "http://127.0.0.1:" + server.port() + "/v1",
                Optional.of("sk-dragoman-FAKE-KEY-stack"),
                "OPENAI_API_KEY");
        AtomicLong nanos = new AtomicLong();
        List<Duration> limiterWaits = new ArrayList<>();
        List<Duration> retryWaits = new ArrayList<>();
        RateLimiter limiter = new RateLimiter(new RateLimiter.Limits(1, 0), nanos::get, d -> {
            limiterWaits.add(d);
            nanos.addAndGet(d.toNanos());
        });

        ModelProvider provider = ModelProviders.create(
                config, limiter, RetryingModelProvider.Settings.DEFAULT, retryWaits::add, Clock.systemUTC());
        ModelReply reply = provider.chat(ProviderContractTest.request());

        assertThat(reply.text()).startsWith(ProviderContractTest.REPLY_START);
        assertThat(retryWaits).containsExactly(Duration.ofSeconds(2));
        assertThat(limiterWaits)
                .as("the retry waited for its own place: a window and the margin after the 429")
                .containsExactly(Duration.ofMillis(60_600));
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(path)))).hasSize(2);
        assertThat(provider.info()).isEqualTo(config.info());
    }
}
