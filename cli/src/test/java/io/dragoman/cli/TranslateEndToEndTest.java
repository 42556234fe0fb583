package io.dragoman.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.dragoman.cli.Cli.FIRST_SEED;
import static io.dragoman.cli.Cli.SECOND_SEED;
import static io.dragoman.cli.Cli.SEEDS;
import static io.dragoman.cli.Cli.runWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dragoman.core.pipeline.ArticleRecords;
import io.dragoman.core.summary.SummarySchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dragoman run} and {@code translate} on the seeds, end to end, against a WireMock server that answers as
 * OpenAI's chat completions API does, with the hand-made reference translations of the seeds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranslateEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-test-DRAGOMAN-e2e-0123456789abcdef";
    private static final Path REFERENCES = Path.of("..", "core", "src", "test", "resources", "translate", "seeds");
    private static final Path SUMMARIES = Path.of("..", "core", "src", "test", "resources", "summary");
    private static final String FIRST_TITLE = "Belarus und Russland vereinbarten";
    private static final String SECOND_TITLE = "Alejnik und Lawrow";

    private WireMockServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    void startServer() {
        server = StubChatServer.start();
    }

    @AfterAll
    void stopServer() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private String baseUrl() {
        return StubChatServer.baseUrl(server);
    }

    private void answer(String titleFragment, String reply) {
        server.stubFor(StubChatServer.chat()
                .atPriority(5)
                .withRequestBody(containing(titleFragment))
                .willReturn(StubChatServer.json(200, completion(reply))));
    }

    private void answerBothSeeds() throws IOException {
        answer(FIRST_TITLE, reference(FIRST_SEED));
        answer(SECOND_TITLE, reference(SECOND_SEED));
        summarize(FIRST_TITLE, Files.readString(SUMMARIES.resolve(FIRST_SEED + ".reply.json")));
        summarize(SECOND_TITLE, Files.readString(SUMMARIES.resolve(SECOND_SEED + ".reply.json")));
    }

    /** Answers summary requests for the article with this title with this reply. */
    private void summarize(String titleFragment, String reply) {
        server.stubFor(StubChatServer.chat()
                .atPriority(1)
                .withRequestBody(containing("Summarise this"))
                .withRequestBody(StubChatServer.titled(titleFragment))
                .willReturn(StubChatServer.json(200, completion(reply))));
    }

    private Cli.Result run(String command, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of(
                command,
                SEEDS.toString(),
                "--out",
                out.toString(),
                "--provider",
                "openai",
                "--base-url",
                baseUrl(),
                "-v"));
        args.addAll(List.of(more));
        return runWith(Map.of("OPENAI_API_KEY", KEY), args.toArray(String[]::new));
    }

    @Test
    void runTranslatesAndSummarisesTheSeedsIntoRecordsAndSideBySideMarkdown() throws IOException {
        answerBothSeeds();
        Path out = tmp.resolve("out");

        Cli.Result r = run("run", out);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Translated 2 and summarized 2 of 2 articles into " + out + " with openai gpt-4.1-mini")
                .contains("Usage: 4 calls, 4,800 input and 3,600 output tokens, $")
                .contains("Checks: 0 repaired, 0 re-asked, 0 warnings.");
        assertThat(r.err())
                .contains("dragoman: summarized " + FIRST_SEED + " (2 calls, 2,400 + 1,800 tokens, $")
                .contains("dragoman: summarized " + SECOND_SEED);
        SummarySchema schema = SummarySchema.builtIn();
        for (JsonNode record : readJsonl(out.resolve("articles.jsonl"))) {
            String id = record.get("id").asText();
            JsonNode summary = record.get("summary");
            assertThat(record.get("status").asText()).isEqualTo("summarized");
            assertThat(summary.get("id").asText()).isEqualTo(id);
            assertThat(summary.get("published").asText())
                    .isEqualTo(record.at("/metadata/published").asText());
            assertThat(summary.at("/provenance/fromTranslation").asBoolean()).isTrue();
            assertThat(summary.get("warnings")).isEmpty();
            ObjectNode fields = ArticleRecords.modelFields((ObjectNode) summary);
            assertThat(schema.validate(fields)).isEmpty();
            assertThat(fields)
                    .isEqualTo(
                            JSON.readTree(SUMMARIES.resolve(id + ".reply.json").toFile()));
        }
        assertThat(Files.readString(out.resolve("md").resolve(SECOND_SEED + ".md")))
                .contains("## Summary")
                .contains("**Aleinik and Lavrov hold talks in Minsk**");
        List<JsonNode> records = readJsonl(out.resolve("articles.jsonl"));
        assertThat(records).hasSize(2);
        for (JsonNode record : records) {
            String id = record.get("id").asText();
            JsonNode expected =
                    JSON.readTree(REFERENCES.resolve(id + ".en.json").toFile());
            JsonNode tr = record.get("translation");
            assertThat(tr.get("title")).isEqualTo(expected.get("title"));
            assertThat(tr.get("dateline")).isEqualTo(expected.get("dateline"));
            assertThat(tr.get("paragraphs")).isEqualTo(expected.get("paragraphs"));
            assertThat(tr.get("paragraphs").size())
                    .isEqualTo(record.get("paragraphs").size());
            assertThat(tr.get("checks")).hasSize(10);
            tr.get("checks").forEach(c -> assertThat(c.get("status").asText()).isEqualTo("passed"));
            assertThat(tr.get("provider").asText()).isEqualTo("openai");
            assertThat(tr.at("/usage/inputTokens").asLong()).isEqualTo(1200);
            assertThat(tr.get("costUsd").decimalValue()).isPositive();
            assertThat(tr.at("/promptVersions/translate").asText()).matches("[0-9a-f]{12}");
        }
        assertThat(Files.readString(out.resolve("md").resolve(FIRST_SEED + ".md")))
                .startsWith("# Belarus and Russia agreed to coordinate")
                .contains("| Original title | Belarus und Russland vereinbarten")
                .contains("| Source (de) | English |")
                .contains("| MINSK, 26. November (BelTA) – | MINSK, 26 November (BelTA) – |")
                .contains("Checks: truncated passed · paragraph-count passed");
        assertThat(out.resolve("failures.jsonl")).isEmptyFile();
        // each person's row names the entity page its spelling belongs to
        List<String> people = Files.readAllLines(out.resolve("people.csv"));
        assertThat(people.get(0)).endsWith(",entity");
        assertThat(people.subList(1, people.size()))
                .anySatisfy(row ->
                        assertThat(row.substring(row.lastIndexOf(',') + 1)).contains("Lavrov"));
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(StubChatServer.CHAT_PATH))))
                .hasSize(4)
                .allSatisfy(req -> {
                    assertThat(req.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
                    assertThat(req.getBodyAsString()).contains("\"max_tokens\"").contains("<article>");
                });
        assertKeyNowhere(r, out);
    }

    @Test
    void translateCommandWritesTheSameRecords() throws IOException {
        answerBothSeeds();
        Path out = tmp.resolve("out");

        Cli.Result r = run("translate", out);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Translated 2 of 2 articles").contains("Usage: 2 calls, 2,400 input");
        assertThat(readJsonl(out.resolve("articles.jsonl"))).allSatisfy(rec -> {
            assertThat(rec.get("status").asText()).isEqualTo("translated");
            assertThat(rec.has("summary")).isFalse();
        });
    }

    @Test
    void summarizeCommandWritesValidSummariesStraightFromTheSource() throws IOException {
        answerBothSeeds();
        Path out = tmp.resolve("out");

        Cli.Result r = run("summarize", out);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Summarized 2 of 2 articles").contains("Usage: 2 calls");
        assertThat(readJsonl(out.resolve("articles.jsonl"))).allSatisfy(rec -> {
            assertThat(rec.get("status").asText()).isEqualTo("summarized");
            assertThat(rec.has("translation")).isFalse();
            assertThat(rec.at("/summary/provenance/fromTranslation").asBoolean())
                    .isFalse();
        });
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(StubChatServer.CHAT_PATH))))
                .allSatisfy(req -> assertThat(req.getBodyAsString())
                        .contains("Summarise this German news article")
                        .contains("json_schema")
                        .doesNotContain("<translation>"));
    }

    @Test
    void recordsASummaryThatStaysInvalidWithTheRawReplyAndGoesOn() throws IOException {
        answerBothSeeds();
        summarize(FIRST_TITLE, "{\"headline\": \"Talks\"}");
        Path out = tmp.resolve("out");

        Cli.Result r = run("run", out, "--only", "summarize");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("1 failed (0 cleaning, 0 translation, 1 summary)");
        assertThat(readJsonl(out.resolve("failures.jsonl"))).singleElement().satisfies(f -> {
            assertThat(f.get("id").asText()).isEqualTo(FIRST_SEED);
            assertThat(f.get("stage").asText()).isEqualTo("summarize");
            assertThat(f.get("reason").asText()).contains("after a re-ask").contains("summary");
            assertThat(f.get("rawReply").asText()).isEqualTo("{\"headline\": \"Talks\"}");
            assertThat(f.get("calls").asInt()).isEqualTo(2);
        });
        assertThat(readJsonl(out.resolve("articles.jsonl")))
                .extracting(rec -> rec.get("status").asText())
                .containsExactly("failed", "summarized");
    }

    @Test
    void recordsAnArticleThatCannotBeAlignedAndTranslatesTheRest() throws IOException {
        answerBothSeeds();
        answer(FIRST_TITLE, withoutParagraphFive(reference(FIRST_SEED)));
        Path out = tmp.resolve("out");

        Cli.Result r = run("run", out);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(FIRST_SEED).contains("paragraph-count").contains("missing [5]");
        assertThat(r.out())
                .contains("Translated 1 and summarized 1 of 2")
                .contains("1 failed (0 cleaning, 1 translation, 0 summary)");
        List<JsonNode> failures = readJsonl(out.resolve("failures.jsonl"));
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.get("id").asText()).isEqualTo(FIRST_SEED);
            assertThat(f.get("stage").asText()).isEqualTo("translate");
            assertThat(f.get("retriable").asBoolean()).isTrue();
            assertThat(f.get("calls").asInt()).isEqualTo(2);
        });
        assertThat(readJsonl(out.resolve("articles.jsonl")))
                .extracting(rec -> rec.get("status").asText())
                .containsExactly("failed", "summarized");
    }

    @Test
    void stopsWithExitThreeAndNamesTheVariableWhenTheKeyIsRejected() throws IOException {
        server.stubFor(StubChatServer.chat()
                .willReturn(StubChatServer.json(
                        401,
                        "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                                + ".\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));
        Path out = tmp.resolve("out");

        Cli.Result r = run("run", out, "--concurrency", "1");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("OPENAI_API_KEY");
        assertThat(r.errLines())
                .as("standard error but the -v line of the call")
                .filteredOn(line -> !line.startsWith("dragoman: call for "))
                .singleElement()
                .asString()
                .startsWith("dragoman: Authentication failed at openai (HTTP 401): the key in OPENAI_API_KEY was"
                        + " rejected")
                .endsWith("; the cleaned articles are in " + tmp.resolve("out")
                        + ", run the same command again once that is fixed.");
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(StubChatServer.CHAT_PATH))))
                .as("no further calls after the key was rejected")
                .hasSize(1);
        assertThat(readJsonl(out.resolve("articles.jsonl")))
                .extracting(rec -> rec.get("status").asText())
                .containsExactly("cleaned", "cleaned");
        assertKeyNowhere(r, out);
    }

    @Test
    void aRejectedKeyStillLeavesEveryInputCleanedAndStoredThenStopsWithExitThree() throws IOException {
        server.stubFor(StubChatServer.chat()
                .willReturn(StubChatServer.json(
                        401,
                        "{\"error\":{\"message\":\"Incorrect API key provided.\",\"code\":\"invalid_api_key\"}}")));
        Path inputs = Files.createDirectories(tmp.resolve("forty"));
        for (int n = 0; n < 40; n++) {
            StandInRuns.Synthetic a = StandInRuns.Synthetic.of(n);
            Files.writeString(inputs.resolve(a.id() + ".txt"), a.text());
        }
        Path out = tmp.resolve("out");

        Cli.Result r = runWith(
                Map.of("OPENAI_API_KEY", KEY),
                "run",
                inputs.toString(),
                "--out",
                out.toString(),
                "--provider",
                "openai",
                "--base-url",
                baseUrl(),
                "--concurrency",
                "8");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.CONFIG);
        assertThat(readJsonl(out.resolve("articles.jsonl")))
                .as("every input cleaned and stored, none failed")
                .hasSize(40)
                .allSatisfy(rec -> assertThat(rec.get("status").asText()).isEqualTo("cleaned"));
        assertThat(r.errLines())
                .filteredOn(line -> !line.startsWith("dragoman: progress: "))
                .singleElement()
                .asString()
                .contains("the key in OPENAI_API_KEY was rejected; check that it is current")
                .doesNotContain("once a provider is configured");
        assertThat(r.out()).contains("Of 40: 0 done now, 0 done before, 0 failed, 0 need review, 40 not reached.");
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(StubChatServer.CHAT_PATH))))
                .as("requests sent: at most those in flight when the first was rejected")
                .hasSizeLessThanOrEqualTo(8);
        assertKeyNowhere(r, out);
    }

    @Test
    void sendsTheUsersGlossaryTermsThatOccurInTheArticle() throws IOException {
        answerBothSeeds();
        Path glossary = Files.writeString(tmp.resolve("terms.tsv"), "Kollegien\tboards\nSiegesplatz\tVictory Square\n");
        Path out = tmp.resolve("out");

        Cli.Result r = run("run", out, "--glossary", glossary.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        var requests = server.findAll(postRequestedFor(urlPathEqualTo(StubChatServer.CHAT_PATH)));
        assertThat(requests).anySatisfy(req -> assertThat(req.getBodyAsString())
                .contains("Kollegien → boards")
                .doesNotContain("Siegesplatz"));
        assertThat(requests)
                .anySatisfy(req -> assertThat(req.getBodyAsString()).contains("Siegesplatz → Victory Square"));
    }

    @Test
    void takesTheProviderAndKeyFromAConfigFileAndWarnsWhenOthersCanReadIt() throws IOException {
        answerBothSeeds();
        Path config = Files.writeString(
                tmp.resolve("config.json"),
                "{\"provider\": \"openai\", \"baseUrl\": \"" + baseUrl() + "\", \"apiKey\": \"" + KEY + "\"}");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        Path out = tmp.resolve("out");

        Cli.Result r =
                runWith(Map.of(), "run", SEEDS.toString(), "--out", out.toString(), "--config", config.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err())
                .contains("warning: The config file " + config + " holds an API key")
                .contains("chmod 600");
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(StubChatServer.CHAT_PATH))))
                .allSatisfy(req -> assertThat(req.getHeader("Authorization")).isEqualTo("Bearer " + KEY));
        assertKeyNowhere(r, out);
    }

    private int calls() {
        return server.findAll(postRequestedFor(urlPathEqualTo(StubChatServer.CHAT_PATH)))
                .size();
    }

    @Test
    void aRerunSkipsWhatIsDoneMakesNoCallsAndWritesTheSameFiles() throws IOException {
        answerBothSeeds();
        Path out = tmp.resolve("out");
        run("run", out);
        String first = Files.readString(out.resolve("articles.jsonl"));

        Cli.Result again = run("run", out);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("2 already done by an earlier run");
        assertThat(calls()).isEqualTo(4);
        assertThat(Files.readString(out.resolve("articles.jsonl"))).isEqualTo(first);
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/articles/summarized").asLong()).isEqualTo(2);
        assertThat(report.at("/thisRun/skipped").asInt()).isEqualTo(2);
        assertThat(Files.readString(out.resolve("report.md"))).contains("| summarized | 2 |");

        Cli.Result shown = runWith(Map.of(), "report", out.toString());

        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out())
                .contains("| summarized | 2 |")
                .contains("| translate openai gpt-4.1-mini | 2 | 2,400 | 0 | 1,800 |")
                .contains("| summarize openai gpt-4.1-mini | 2 | 2,400 | 0 | 1,800 |");
        assertThat(runWith(Map.of(), "report", tmp.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void anIdenticalCopyOfAnArticleIsAnsweredByTheCallCacheAndTheReportSaysSo() throws IOException {
        answerBothSeeds();
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(SEEDS.resolve(FIRST_SEED + ".txt"), in.resolve(FIRST_SEED + ".txt"));
        Files.copy(SEEDS.resolve(SECOND_SEED + ".txt"), in.resolve(SECOND_SEED + ".txt"));
        Files.copy(SEEDS.resolve(FIRST_SEED + ".txt"), in.resolve("republished.txt"));
        Path out = tmp.resolve("out");

        Cli.Result r = runWith(
                Map.of("OPENAI_API_KEY", KEY),
                "run",
                in.toString(),
                "--out",
                out.toString(),
                "--provider",
                "openai",
                "--base-url",
                baseUrl(),
                "--concurrency",
                "1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(calls()).as("the copy's calls are the first copy's").isEqualTo(4);
        JsonNode copies = JSON.readTree(out.resolve("report.json").toFile()).at("/identicalCopies");
        assertThat(copies.at("/articles").asLong()).isEqualTo(1);
        assertThat(copies.at("/calls").asInt()).isEqualTo(2);
        assertThat(copies.at("/costUsd").decimalValue()).isPositive();
        String line = "Identical copies: 1 article has the same cleaned text as another article, so the call cache"
                + " answered its 2 model calls";
        assertThat(Files.readString(out.resolve("report.md"))).contains(line);
        assertThat(runWith(Map.of(), "report", out.toString()).out()).contains(line);
        assertThat(runWith(Map.of(), "report", out.toString(), "--json").out()).contains("\"identicalCopies\"");
    }

    @Test
    void startingOverWithForceReplaysTheCacheAndReportsNothingPaid() throws IOException {
        answerBothSeeds();
        Path out = tmp.resolve("out");
        Cli.Result first = run("run", out);
        assertThat(first.out()).contains("Usage: 4 calls");
        assertThat(first.err().lines().filter(l -> l.startsWith("dragoman: call for ")))
                .as("-v shows every call")
                .hasSize(4)
                .anySatisfy(
                        l -> assertThat(l)
                                .matches(
                                        "dragoman: call for \\S+ \\(text, openai gpt-4\\.1-mini\\): 1,200 in, 900 out tokens, stop, [0-9.]+ s"))
                .anySatisfy(l -> assertThat(l).contains("(JSON, openai gpt-4.1-mini)"));
        String records = Files.readString(out.resolve("articles.jsonl"));

        Cli.Result forced = run("run", out, "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(calls()).isEqualTo(4);
        assertThat(forced.out())
                .contains("Translated 2 and summarized 2")
                .contains("4 calls answered from the call cache")
                .doesNotContain("Usage:");
        assertThat(forced.err().lines().filter(l -> l.startsWith("dragoman: call for ")))
                .hasSize(4)
                .allSatisfy(l -> assertThat(l).contains("replayed from the call cache"));
        assertThat(Files.readString(out.resolve("articles.jsonl")))
                .as("the records still show what producing them cost")
                .isEqualTo(records);
        JsonNode thisRun = JSON.readTree(out.resolve("report.json").toFile()).at("/thisRun");
        assertThat(thisRun.at("/calls").asInt()).isZero();
        assertThat(thisRun.at("/replayed").asInt()).isEqualTo(4);
        assertThat(thisRun.at("/costUsd").decimalValue()).isZero();
        assertThat(Files.readString(out.resolve("report.md")))
                .contains("0 paid model calls (0 input and 0 output tokens, $0), 4 replies from the call cache");
    }

    @Test
    void retriesOnlyTheFailedArticleOnARerunUnlessToldToKeepFailures() throws IOException {
        answerBothSeeds();
        answer(FIRST_TITLE, withoutParagraphFive(reference(FIRST_SEED)));
        Path out = tmp.resolve("out");
        assertThat(run("run", out).exitCode()).isEqualTo(1);
        int before = calls();

        Cli.Result kept = run("run", out, "--no-retry-failed");

        assertThat(kept.exitCode()).isZero();
        assertThat(calls()).isEqualTo(before);

        answer(FIRST_TITLE, reference(FIRST_SEED));
        Cli.Result retried = run("run", out);

        assertThat(retried.exitCode()).as(retried.err()).isZero();
        assertThat(calls()).isEqualTo(before + 2);
        assertThat(readJsonl(out.resolve("articles.jsonl")))
                .extracting(rec -> rec.get("status").asText())
                .containsExactly("summarized", "summarized");
        assertThat(out.resolve("failures.jsonl")).isEmptyFile();
    }

    @Test
    void stopsWithExitFourBeforeTheBudgetAndContinuesOnARerun() throws IOException {
        answerBothSeeds();
        Path out = tmp.resolve("out");

        Cli.Result capped = run("run", out, "--max-cost", "0.0001", "--concurrency", "1");

        assertThat(capped.exitCode()).isEqualTo(4);
        assertThat(capped.errLines())
                .as("the stop is said once")
                .containsExactly("dragoman: Stopped before the cost budget of $0.0001 would be exceeded; rerun the"
                        + " same command with a larger --max-cost to continue.");
        assertThat(calls()).isZero();
        assertThat(readJsonl(out.resolve("articles.jsonl")))
                .extracting(rec -> rec.get("status").asText())
                .containsOnly("cleaned");

        Cli.Result resumed = run("run", out);

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(readJsonl(out.resolve("articles.jsonl")))
                .extracting(rec -> rec.get("status").asText())
                .containsExactly("summarized", "summarized");
    }

    @Test
    void runsAJsonlFileWithIdsUrlsAndExtraFieldsCarriedToTheRecords() throws IOException {
        answerBothSeeds();
        StringBuilder jsonl = new StringBuilder();
        for (String id : List.of(FIRST_SEED, SECOND_SEED)) {
            ObjectNode line = JSON.createObjectNode();
            line.put("id", "feed-" + id.substring(0, 3));
            line.put("url", "https://www.belta.by/de/politics/view/" + id.substring(4) + ".html");
            line.put("text", Files.readString(SEEDS.resolve(id + ".txt")));
            line.put("feed", "belta-de");
            jsonl.append(line).append('\n');
        }
        Path file = Files.writeString(tmp.resolve("feed.jsonl"), jsonl.toString());
        Path out = tmp.resolve("out");

        Cli.Result r = runWith(
                Map.of("OPENAI_API_KEY", KEY),
                "run",
                file.toString(),
                "--out",
                out.toString(),
                "--provider",
                "openai",
                "--base-url",
                baseUrl());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(readJsonl(out.resolve("articles.jsonl"))).hasSize(2).allSatisfy(rec -> {
            assertThat(rec.get("id").asText()).startsWith("feed-");
            assertThat(rec.get("status").asText()).isEqualTo("summarized");
            assertThat(rec.at("/metadata/url").asText()).startsWith("https://www.belta.by/de/politics/view/");
            assertThat(rec.at("/extra/feed").asText()).isEqualTo("belta-de");
            assertThat(rec.at("/summary/url").asText()).startsWith("https://www.belta.by/");
        });
    }

    /** A marked reply with paragraph [5] left out: it cannot be aligned. */
    private static String withoutParagraphFive(String reply) {
        return reply.substring(0, reply.indexOf("\n\n[5]")) + reply.substring(reply.indexOf("\n\n[6]"));
    }

    /** The seed's reference translation as a model's marked reply. */
    static String reference(String id) throws IOException {
        JsonNode en = JSON.readTree(REFERENCES.resolve(id + ".en.json").toFile());
        StringBuilder b = new StringBuilder("[T] " + en.get("title").asText() + "\n\n[D] "
                + en.get("dateline").asText());
        int i = 0;
        for (JsonNode p : en.get("paragraphs")) {
            b.append("\n\n[").append(++i).append("] ").append(p.asText());
        }
        return b.toString();
    }

    /** An OpenAI chat completion carrying this reply, 1,200 input and 900 output tokens. */
    static String completion(String reply) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-e2e");
        root.put("object", "chat.completion");
        root.put("created", 1732640700);
        root.put("model", "gpt-4.1-mini-2025-04-14");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", reply);
        choice.put("finish_reason", "stop");
        root.putObject("usage")
                .put("prompt_tokens", 1200)
                .put("completion_tokens", 900)
                .put("total_tokens", 2100);
        return root.toString();
    }

    private static List<JsonNode> readJsonl(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    private static void assertKeyNowhere(Cli.Result r, Path out) throws IOException {
        assertThat(r.out()).doesNotContain(KEY);
        assertThat(r.err()).doesNotContain(KEY);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                // every file, the SQLite store and its journal included, read as bytes
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(f.toString())
                        .doesNotContain(KEY);
            }
        }
    }
}
