package io.dragoman.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.dragoman.cli.Cli.SEEDS;
import static io.dragoman.cli.Cli.runWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
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
        server = StubChatServer.start();
        StubChatServer.answerEveryChat(
                server,
                401,
                "{\"error\":{\"message\":\"Incorrect API key provided: " + ENV_KEY + " " + FILE_KEY
                        + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    void noCommandWritesAKeyAnywhere() throws IOException {
        String base = StubChatServer.baseUrl(server);
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

    /** Keys no key-shaped pattern would catch, with characters that URL-encoding and base64 change. */
    private static final String ODD_ENV_KEY = "mk-MARKER-env/7f3a+9c0d=1e2b4a6f";

    private static final String ODD_FILE_KEY = "mk-MARKER-file/0d1e+2b4a=6f8e0c7f";

    /** Every way a key could be written: as it is, URL-encoded, in base64 at any byte alignment, and its tail. */
    static List<String> forms(String key) {
        List<String> forms = new ArrayList<>(List.of(key, URLEncoder.encode(key, StandardCharsets.UTF_8)));
        for (String prefix : List.of("", "x", "xy")) {
            String b64 = Base64.getEncoder().encodeToString((prefix + key).getBytes(StandardCharsets.UTF_8));
            forms.add(b64.substring(prefix.isEmpty() ? 0 : 4, b64.length() - 4));
        }
        forms.add(key.substring(key.length() - 12));
        return forms;
    }

    /** A provider error body that echoes a key in every form (the worst case). */
    private static String echo(String key) {
        StringBuilder text = new StringBuilder("Bad key:");
        forms(key).forEach(f -> text.append(' ').append(f));
        return "{\"error\":{\"message\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(text.toString())
                + ",\"type\":\"server_error\",\"code\":\"invalid_api_key\"}}";
    }

    /** Answers requests to {@code path} carrying either odd key with {@code status} and that key echoed. */
    private void echoing(String path, int status) {
        for (String key : List.of(ODD_ENV_KEY, ODD_FILE_KEY)) {
            server.stubFor(post(urlPathEqualTo(path))
                    .withHeader(
                            "Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + key))
                    .willReturn(StubChatServer.json(status, echo(key)).withHeader("Retry-After", "0")));
        }
    }

    /** Runs with standard output and error of the whole JVM captured too, for anything printed past picocli. */
    private static Cli.Result runCapturing(Map<String, String> env, List<String> jvmOutput, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            return runWith(env, args);
        } finally {
            System.setOut(out);
            System.setErr(err);
            jvmOutput.add(captured.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void noCommandWritesAKeyInAnyFormOnErrorHelpAndDryRunPaths() throws IOException {
        echoing("/e500/v1/chat/completions", 500);
        echoing("/e401/v1/chat/completions", 401);
        String e500 = "http://127.0.0.1:" + server.port() + "/e500/v1";
        String e401 = "http://127.0.0.1:" + server.port() + "/e401/v1";
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path seed = SEEDS.resolve(Cli.FIRST_SEED + ".txt");
        Map<String, String> env = Map.of("OPENAI_API_KEY", ODD_ENV_KEY, "HOME", work.toString());
        Path good = Files.writeString(
                tmp.resolve("good.json"),
                "{\"provider\": \"openai\", \"baseUrl\": \"" + e500 + "\", \"apiKey\": \"" + ODD_FILE_KEY + "\"}");
        Files.setPosixFilePermissions(good, PosixFilePermissions.fromString("rw-r--r--"));
        List<Path> configs = new ArrayList<>(List.of(good));
        for (String text : List.of(
                "{\"apiKey\": \"" + ODD_FILE_KEY + "\", ",
                "{\"provider\": \"" + ODD_FILE_KEY + "\"}",
                "{\"provider\": \"openai\", \"" + ODD_FILE_KEY + "\": \"x\"}",
                "{\"apiKey\": " + ODD_FILE_KEY + "}",
                "{\"apiKey\": [\"" + ODD_FILE_KEY + "\"]}")) {
            configs.add(Files.writeString(tmp.resolve("bad-" + configs.size() + ".json"), text));
        }
        List<String> jvm = new ArrayList<>();
        List<Cli.Result> results = new ArrayList<>();
        String seeds = SEEDS.toString();
        int n = 0;

        for (String command : List.of("run", "translate", "summarize")) {
            Path out = work.resolve("out-" + n++);
            results.add(runCapturing(
                    env,
                    jvm,
                    command,
                    seed.toString(),
                    "--out",
                    out.toString(),
                    "--base-url",
                    e500,
                    "--concurrency",
                    "1",
                    "-v"));
            results.add(runCapturing(
                    env, jvm, command, seed.toString(), "--out", out.toString(), "--base-url", e401, "--verbose"));
            results.add(runCapturing(env, jvm, "report", out.toString()));
            results.add(runCapturing(env, jvm, "report", out.toString(), "--json"));
        }
        for (Path config : configs) {
            Path out = work.resolve("out-" + n++);
            results.add(runCapturing(
                    Map.of("HOME", work.toString()),
                    jvm,
                    "run",
                    seed.toString(),
                    "--out",
                    out.toString(),
                    "--config",
                    config.toString(),
                    "--concurrency",
                    "1",
                    "-v"));
            results.add(runCapturing(
                    Map.of("HOME", work.toString()),
                    jvm,
                    "run",
                    seeds,
                    "--out",
                    out.toString(),
                    "--config",
                    config.toString(),
                    "--dry-run"));
            results.add(runCapturing(
                    Map.of("HOME", work.toString()), jvm, "estimate", seeds, "--config", config.toString()));
        }
        for (String badUrl : List.of("not a url", "ftp://127.0.0.1/v1", "http://127.0.0.1:" + server.port())) {
            results.add(runCapturing(
                    env,
                    jvm,
                    "run",
                    seed.toString(),
                    "--out",
                    work.resolve("out-" + n++).toString(),
                    "--base-url",
                    badUrl,
                    "--verbose"));
        }
        for (String[] args : List.of(
                new String[] {"--help"},
                new String[] {"run", "--help"},
                new String[] {"help", "translate"},
                new String[] {"estimate", "--help"},
                new String[] {"--version"},
                new String[] {},
                new String[] {"run", seeds, "--out", work.resolve("dry").toString(), "--dry-run", "-v"},
                new String[] {"estimate", seeds, "--base-url", e401},
                new String[] {"clean", seeds, "--format", "md"},
                new String[] {"run", "--no-such-option", ODD_ENV_KEY})) {
            results.add(runCapturing(env, jvm, args));
        }

        assertThat(results.get(0).err())
                .as("the echoed error body was read, masked")
                .contains("***");
        assertThat(results.get(1).exitCode()).as("the key is rejected").isEqualTo(3);
        assertThat(String.join("\n", results.stream().map(Cli.Result::err).toList()))
                .as("the world-readable config file is named in a warning")
                .contains("dragoman: warning: The config file " + good);
        List<String> written = new ArrayList<>(jvm);
        for (Cli.Result r : results) {
            written.add(r.out());
            written.add(r.err());
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                written.add(f + ":\n" + new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(written.stream().filter(w -> w.contains("dragoman.db")).count())
                .as("run stores were written and read")
                .isPositive();
        for (String text : written) {
            for (String key : List.of(ODD_ENV_KEY, ODD_FILE_KEY)) {
                for (String form : forms(key)) {
                    assertThat(text).as("%s of %s", form, key).doesNotContain(form);
                }
            }
            assertThat(text).doesNotContain("MARKER");
        }
    }

    /** A refused connection is retried with backoff (about 15 s), so this runs with -Ddragoman.soak=true only. */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "dragoman.soak", matches = "true")
    void aRefusedConnectionWritesNoKey() throws IOException {
        int closed;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path out = tmp.resolve("refused");
        List<String> jvm = new ArrayList<>();

        Cli.Result r = runCapturing(
                Map.of("OPENAI_API_KEY", ODD_ENV_KEY),
                jvm,
                "run",
                SEEDS.resolve(Cli.FIRST_SEED + ".txt").toString(),
                "--out",
                out.toString(),
                "--base-url",
                "http://127.0.0.1:" + closed + "/v1",
                "--verbose");

        assertThat(r.err()).contains("Could not connect");
        List<String> written = new ArrayList<>(List.of(r.out(), r.err(), jvm.get(0)));
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                written.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        for (String text : written) {
            for (String form : forms(ODD_ENV_KEY)) {
                assertThat(text).doesNotContain(form);
            }
        }
    }
}
