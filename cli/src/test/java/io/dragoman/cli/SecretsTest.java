package io.dragoman.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.dragoman.cli.Cli.SEEDS;
import static io.dragoman.cli.Cli.runWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every command with marker keys, against a server that rejects them and echoes them back (the worst case), and
 * greps everything written: standard output and error, and every file in the output directory, the run store
 * included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsTest {

    private static final String ENV_KEY = "sk-MARKER-env-7f3a9c0d1e2b4a6f8e0c";
    private static final String FILE_KEY = "sk-MARKER-file-0d1e2b4a6f8e0c7f3a9c";

    private WireMockServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    void start() {
        server = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + ENV_KEY + " " + FILE_KEY
                                + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    void noCommandWritesAKeyAnywhere() throws IOException {
        String base = "http://127.0.0.1:" + server.port() + "/v1";
        Path out = tmp.resolve("out");
        Path config = Files.writeString(
                tmp.resolve("config.json"),
                "{\"provider\": \"openai\", \"baseUrl\": \"" + base + "\", \"apiKey\": \"" + FILE_KEY + "\"}");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = Map.of("OPENAI_API_KEY", ENV_KEY);
        String seeds = SEEDS.toString();
        List<Cli.Result> results = new ArrayList<>();

        for (String command : List.of("run", "translate", "summarize")) {
            results.add(runWith(env, command, seeds, "--out", out.toString(), "--base-url", base, "-v"));
            results.add(runWith(env, command, seeds, "--out", out.toString(), "--base-url", base, "--dry-run"));
        }
        results.add(runWith(Map.of(), "run", seeds, "--out", out.toString(), "--config", config.toString(), "-v"));
        results.add(runWith(env, "estimate", seeds, "--base-url", base));
        results.add(runWith(env, "report", out.toString()));
        results.add(runWith(env, "report", out.toString(), "--json"));
        results.add(runWith(env, "clean", seeds, "--format", "json"));

        assertThat(results.get(0).exitCode()).as("the key is rejected").isEqualTo(3);
        assertThat(results.get(0).err()).contains("OPENAI_API_KEY");
        for (Cli.Result r : results) {
            assertThat(r.out() + r.err())
                    .doesNotContain(ENV_KEY)
                    .doesNotContain(FILE_KEY)
                    .doesNotContain("MARKER");
        }
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.equals(config)) {
                    continue;
                }
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                        .as(f.toString())
                        .doesNotContain("MARKER");
            }
        }
    }
}
