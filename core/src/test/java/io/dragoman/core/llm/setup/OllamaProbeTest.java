package io.dragoman.core.llm.setup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OllamaProbeTest {

    private final WireMockServer server =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
    private final OllamaProbe probe = new OllamaProbe(Duration.ofMillis(500));

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void findsAServerThatListsItsModels() {
        server.stubFor(get(urlPathEqualTo("/api/tags"))
                .willReturn(aResponse().withStatus(200).withBody("{\"models\": []}")));

        assertThat(probe.test("http://127.0.0.1:" + server.port() + "/")).isTrue();
    }

    @Test
    void doesNotMistakeAnotherServerForOllama() {
        assertThat(probe.test("http://127.0.0.1:" + server.port())).isFalse();
    }

    @Test
    void answersNoWhenNothingListensOrTheUrlIsBad() {
        int port = server.port();
        server.stop();

        assertThat(probe.test("http://127.0.0.1:" + port)).isFalse();
        assertThat(probe.test("not a url")).isFalse();
    }

    @Test
    void givesUpOnASlowServerWithinTheTimeout() {
        server.stubFor(get(urlPathEqualTo("/api/tags"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(2000)));

        assertThat(probe.test("http://127.0.0.1:" + server.port())).isFalse();
    }
}
