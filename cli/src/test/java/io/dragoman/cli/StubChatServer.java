package io.dragoman.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * A WireMock server standing in for OpenAI's chat completions API: bound to 127.0.0.1 on a free port, plain HTTP/1.1
 * only, so a test's commands can be pointed at it with {@code --base-url}.
 */
final class StubChatServer {

    /** The path chat completion requests are posted to. */
    static final String CHAT_PATH = "/v1/chat/completions";

    /** Words of each seed's German title, with the same words of its English title. */
    private static final java.util.Map<String, String> SEED_TITLES_EN = java.util.Map.of(
            "Belarus und Russland vereinbarten", "Belarus and Russia agreed to coordinate",
            "Alejnik und Lawrow", "Aleinik and Lavrov");

    /**
     * A body naming a seed by words of its German title, or by the same words of its English title: a translation
     * request carries the source, a summary request of a translated article the English translation.
     */
    static com.github.tomakehurst.wiremock.matching.StringValuePattern titled(String germanTitleWords) {
        String english = SEED_TITLES_EN.get(germanTitleWords);
        return english == null
                ? com.github.tomakehurst.wiremock.client.WireMock.containing(germanTitleWords)
                : com.github.tomakehurst.wiremock.client.WireMock.containing(germanTitleWords)
                        .or(com.github.tomakehurst.wiremock.client.WireMock.containing(english));
    }

    private StubChatServer() {}

    /** A started server; the caller stops it. */
    static WireMockServer start() {
        WireMockServer server = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
        return server;
    }

    /** The {@code --base-url} that sends a provider's requests to {@code server}. */
    static String baseUrl(WireMockServer server) {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    /** Chat completion requests, to be narrowed further and answered. */
    static MappingBuilder chat() {
        return post(urlPathEqualTo(CHAT_PATH));
    }

    /** A JSON reply with this status and body. */
    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** Answers every chat completion request to {@code server} with this status and JSON body. */
    static void answerEveryChat(WireMockServer server, int status, String body) {
        server.stubFor(chat().willReturn(json(status, body)));
    }
}
