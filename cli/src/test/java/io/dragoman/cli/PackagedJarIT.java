package io.dragoman.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dragoman.core.testing.TestWarcs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Runs the packaged {@code dragoman.jar} and the {@code dragoman} launcher script as separate processes, the way a user
 * does. Run by failsafe after {@code package}; the build passes the jar's path as {@code dragoman.jar}.
 */
class PackagedJarIT {
    private static final long TIMEOUT_SECONDS = 60;

    private static Path jar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findTheJar() {
        String property = System.getProperty("dragoman.jar");
        assertThat(property)
                .as("system property dragoman.jar (set by failsafe)")
                .isNotBlank();
        jar = Path.of(property).toAbsolutePath();
        assertThat(jar).as("the packaged jar; run mvn verify, not the IT alone").isRegularFile();
    }

    /** What a finished process printed and returned. */
    record Exit(int code, String out, String err) {}

    private Exit start(List<String> command) throws IOException, InterruptedException {
        return start(command, Map.of());
    }

    private Exit start(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path out = tmp.resolve("stdout");
        Path err = tmp.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        String javaHome = System.getProperty("java.home");
        builder.environment().put("JAVA_HOME", javaHome);
        builder.environment().remove("DRAGOMAN_JAVA_OPTS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Exit(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Exit dragomanJar(String... args) throws IOException, InterruptedException {
        return dragomanJar(Map.of(), args);
    }

    private Exit dragomanJar(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return start(command, env);
    }

    @Test
    void cleansTheSeedsAsJsonFromThePackagedJar() throws Exception {
        Exit exit = dragomanJar("clean", Cli.SEEDS.toString(), "--format", "json");

        assertThat(exit.code()).as(exit.err()).isZero();
        assertThat(exit.err()).isEmpty();
        assertThat(exit.out())
                .contains("\"published\" : \"" + Cli.FIRST_PUBLISHED + "\"")
                .contains("\"published\" : \"" + Cli.SECOND_PUBLISHED + "\"")
                .contains("\"place\" : \"MINSK\"")
                .contains("\"language\" : \"de\"");
    }

    @Test
    void printsArticleTextAsUtf8EvenInThePosixLocale() throws Exception {
        Exit exit = dragomanJar(
                Map.of("LC_ALL", "C", "LANG", "C"),
                "clean",
                Cli.SEEDS.resolve(Cli.FIRST_SEED + ".txt").toString());

        assertThat(exit.code()).as(exit.err()).isZero();
        assertThat(exit.out()).contains("Außenministerien", "für Auswärtige Angelegenheiten");
    }

    @Test
    void printsTheVersionThroughTheLauncherScript() throws Exception {
        Path launcher = jar.resolveSibling("dragoman");
        assertThat(launcher).isRegularFile().isExecutable();

        Exit exit = start(List.of(launcher.toString(), "--version"));

        assertThat(exit.code()).as(exit.err()).isZero();
        assertThat(exit.out()).startsWith("dragoman ").doesNotContain("unknown").doesNotContain("${");
    }

    @Test
    void exitsWithOneAndNamesTheBadInputOnStandardError() throws Exception {
        Path empty = Files.write(tmp.resolve("empty.txt"), new byte[0]);

        Exit exit = dragomanJar("clean", empty.toString(), Cli.SEEDS.toString());

        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.err().lines().toList())
                .containsExactly("dragoman: " + empty + ": empty file", "dragoman: 1 of 3 inputs failed");
        assertThat(exit.out()).contains("Belarus und Russland haben", "Alejnik und Lawrow");
    }

    /** A stand-in for OpenAI that translates and summarises the two seeds as the reference files say. */
    static WireMockServer seedServer() throws IOException {
        WireMockServer server = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
        for (String[] seed : new String[][] {
            {"Belarus und Russland vereinbarten", Cli.FIRST_SEED}, {"Alejnik und Lawrow", Cli.SECOND_SEED}
        }) {
            server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                    .atPriority(1)
                    .withRequestBody(containing("Summarise this"))
                    .withRequestBody(StubChatServer.titled(seed[0]))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(TranslateEndToEndTest.completion(Files.readString(Path.of(
                                    "..", "core", "src", "test", "resources", "summary", seed[1] + ".reply.json"))))));
            server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                    .atPriority(5)
                    .withRequestBody(containing(seed[0]))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(TranslateEndToEndTest.completion(TranslateEndToEndTest.reference(seed[1])))));
        }
        return server;
    }

    private Exit runAgainst(WireMockServer server, String input, Path out) throws IOException, InterruptedException {
        return dragomanJar(
                Map.of("OPENAI_API_KEY", "sk-test-packaged-jar", "XDG_CONFIG_HOME", tmp.toString()),
                "run",
                input,
                "--out",
                out.toString(),
                "--provider",
                "openai",
                "--base-url",
                "http://127.0.0.1:" + server.port() + "/v1");
    }

    @Test
    void translatesAndSummarisesTheSeedsFromThePackagedJarAgainstAStandInServer() throws Exception {
        WireMockServer server = seedServer();
        try {
            Path out = tmp.resolve("out");

            Exit exit = runAgainst(server, Cli.SEEDS.toString(), out);

            assertThat(exit.code()).as(exit.err()).isZero();
            assertThat(exit.out()).contains("Translated 2 and summarized 2 of 2 articles");
            assertThat(Files.readString(out.resolve("articles.jsonl")))
                    .contains("\"status\":\"summarized\"")
                    .contains("\"headline\":\"Aleinik and Lavrov hold talks in Minsk\"")
                    .contains("Belarus and Russia have agreed to coordinate their actions");
        } finally {
            server.stop();
        }
    }

    /** The two seeds as captures of a crawl, between a request, a 404 and a PDF, gzip-compressed record by record. */
    private Path seedArchive() throws IOException {
        List<WarcRecord> records = new ArrayList<>(TestWarcs.crawl(0));
        for (String seed : List.of(Cli.FIRST_SEED, Cli.SECOND_SEED)) {
            String text = Files.readString(Cli.SEEDS.resolve(seed + ".txt"), StandardCharsets.UTF_8);
            records.add(TestWarcs.encodedResponse(
                    "https://de.belta.by/politics/view/" + seed + "/", "text/plain", text, StandardCharsets.UTF_8));
        }
        Path warc = tmp.resolve("seeds.warc.gz");
        TestWarcs.write(warc, true, records);
        return warc;
    }

    @Test
    void runsAWebArchiveFromThePackagedJarAndARerunMakesNoModelCall() throws Exception {
        Path warc = seedArchive();
        WireMockServer server = seedServer();
        try {
            Path out = tmp.resolve("out");

            Exit exit = runAgainst(server, warc.toString(), out);
            int calls = server.getAllServeEvents().size();
            Exit again = runAgainst(server, warc.toString(), out);

            assertThat(exit.code()).as(exit.err()).isZero();
            assertThat(exit.out()).contains("Translated 2 and summarized 2 of 2 articles");
            assertThat(exit.err())
                    .contains("dragoman: skipped 6 WARC records that are not articles: 1 application/pdf, 1 metadata,"
                            + " 1 revisit, 1 status 301, 1 status 404, 1 warcinfo");
            String articles = Files.readString(out.resolve("articles.jsonl"));
            assertThat(articles)
                    .contains("\"status\":\"summarized\"")
                    .contains("\"url\":\"https://de.belta.by/politics/view/" + Cli.FIRST_SEED + "/\"")
                    .contains("\"warcDate\":\"2024-05-02T10:15:30Z\"")
                    .contains("\"headline\":\"Aleinik and Lavrov hold talks in Minsk\"");
            assertThat(calls).isEqualTo(4);
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(again.out()).contains("2 already done by an earlier run");
            assertThat(server.getAllServeEvents()).hasSize(calls);
        } finally {
            server.stop();
        }
    }

    @Test
    void cleansAWebArchiveWithABrokenRecordFromThePackagedJar() throws Exception {
        Path warc = seedArchive();
        byte[] bytes = Files.readAllBytes(warc);
        Files.write(warc, java.util.Arrays.copyOf(bytes, bytes.length - 500));

        Exit exit = dragomanJar("clean", warc.toString(), "--format", "jsonl");

        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.out().lines()).hasSize(1);
        assertThat(exit.out()).contains("Belarus und Russland vereinbarten");
        assertThat(exit.err().lines().toList())
                .hasSize(3)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("dragoman: " + warc + " at byte ")
                        .endsWith(": the record is cut off (its gzip member ends early); no record after it"))
                .contains("dragoman: 1 of 2 inputs failed");
    }

    @Test
    void digestWithOverviewFromThePackagedJarWritesCitedOverviewsAndASecondDigestSendsNothing() throws Exception {
        WireMockServer server = seedServer();
        try {
            Path out = tmp.resolve("out");
            assertThat(runAgainst(server, Cli.SEEDS.toString(), out).code()).isZero();
            // one answer for every period: each keeps the citation of its own article and drops the other
            String overview = "{\"sentences\":[{\"text\":\"Belarus and Russia discussed their cooperation.\","
                    + "\"articles\":[\"" + Cli.FIRST_SEED + "\",\"" + Cli.SECOND_SEED + "\"]}]}";
            server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                    .atPriority(0)
                    .withRequestBody(containing("overview of the news"))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(TranslateEndToEndTest.completion(overview))));
            int before = server.getAllServeEvents().size();
            Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-test-digest-jar", "XDG_CONFIG_HOME", tmp.toString());
            String[] digest = {
                "digest", out.toString(), "--overview", "--base-url", "http://127.0.0.1:" + server.port() + "/v1"
            };

            Exit first = dragomanJar(env, digest);
            Exit second = dragomanJar(env, digest);

            assertThat(first.code()).as(first.err()).isZero();
            assertThat(first.out())
                    .startsWith("Overviews by openai ")
                    .contains("for 2 of 2 periods: 2 calls sent, 0 answered from the cache")
                    .contains("Wrote the digest of 2 articles in 2 periods to " + out.resolve("digest.md"));
            assertThat(first.out() + first.err()).doesNotContain("sk-test-digest-jar");
            assertThat(server.getAllServeEvents()).hasSize(before + 2);
            assertThat(second.code()).as(second.err()).isZero();
            assertThat(second.out()).contains("0 calls sent, 2 answered from the cache");
            assertThat(server.getAllServeEvents()).hasSize(before + 2);
            // each period cites its own article; the link text is the id escaped for Markdown (000\_9d6d…)
            assertThat(Files.readString(out.resolve("digest.md")))
                    .contains("### Overview\n\nBelarus and Russia discussed their cooperation. (["
                            + Cli.FIRST_SEED.replace("_", "\\_") + "](md/" + Cli.FIRST_SEED + ".md))\n")
                    .contains("Belarus and Russia discussed their cooperation. (["
                            + Cli.SECOND_SEED.replace("_", "\\_") + "](md/"
                            + Cli.SECOND_SEED + ".md))\n");
            assertThat(org.jsoup.Jsoup.parse(out.resolve("site/digest.html").toFile(), "UTF-8")
                            .select(".overview .cites a")
                            .eachAttr("href"))
                    .containsExactlyInAnyOrder(
                            "article/" + Cli.FIRST_SEED + ".html", "article/" + Cli.SECOND_SEED + ".html");
        } finally {
            server.stop();
        }
    }
}
