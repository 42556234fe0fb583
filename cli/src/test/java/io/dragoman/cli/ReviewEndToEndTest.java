package io.dragoman.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.dragoman.cli.Cli.FIRST_SEED;
import static io.dragoman.cli.Cli.SECOND_SEED;
import static io.dragoman.cli.Cli.SEEDS;
import static io.dragoman.cli.Cli.runWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dragoman.core.lang.OpenNlpSentenceSplitter;
import io.dragoman.core.lang.SentenceSplitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code status: summarized} and exit code 0 promise, end to end on the seeds: a model that echoes the German
 * source leaves failed articles and exit 1, never a summary; a translation with a doubtful finding is kept as {@code
 * needs-review} with the paragraphs to check, exit 1, until {@code --retry-review} repairs it or {@code
 * --accept-review} accepts it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-test-DRAGOMAN-review-0123456789abcdef";
    private static final Path SUMMARIES = Path.of("..", "core", "src", "test", "resources", "summary");
    private static final Map<String, String> TITLES =
            Map.of(FIRST_SEED, "Belarus und Russland vereinbarten", SECOND_SEED, "Alejnik und Lawrow");

    private WireMockServer server;
    private final Map<String, String> echoes = new LinkedHashMap<>();
    private final Map<String, String> lastSentenceGerman = new LinkedHashMap<>();

    @TempDir
    Path tmp;

    @BeforeAll
    void start(@TempDir Path cleaned) throws IOException {
        server = StubChatServer.start();
        Cli.Result r = runWith(Map.of(), "clean", SEEDS.toString(), "--format", "jsonl", "--out", cleaned.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (String line : Files.readAllLines(cleaned.resolve("articles.jsonl"))) {
            JsonNode record = JSON.readTree(line);
            StringBuilder echo = new StringBuilder("[T] " + record.get("title").asText() + "\n\n[D] "
                    + record.at("/metadata/dateline/text").asText().strip());
            int i = 0;
            for (JsonNode p : record.get("paragraphs")) {
                echo.append("\n\n[").append(++i).append("] ").append(p.asText());
            }
            echoes.put(record.get("id").asText(), echo.toString());
            lastSentenceGerman.put(record.get("id").asText(), lastSentenceGerman(record));
        }
    }

    /**
     * The seed's reference translation with the last sentence of each paragraph of several sentences left as the
     * German source sentence.
     */
    private static String lastSentenceGerman(JsonNode cleaned) throws IOException {
        SentenceSplitter german = OpenNlpSentenceSplitter.german();
        SentenceSplitter english = OpenNlpSentenceSplitter.english();
        String id = cleaned.get("id").asText();
        JsonNode reference = JSON.readTree(Path.of("..", "core", "src", "test", "resources", "translate", "seeds")
                .resolve(id + ".en.json")
                .toFile());
        StringBuilder reply = new StringBuilder("[T] " + reference.get("title").asText() + "\n\n[D] "
                + reference.get("dateline").asText());
        for (int i = 0; i < reference.get("paragraphs").size(); i++) {
            List<String> en = new ArrayList<>(
                    english.split(reference.get("paragraphs").get(i).asText()));
            List<String> de = german.split(cleaned.get("paragraphs").get(i).asText());
            if (en.size() > 1 && de.size() > 1) {
                en.set(en.size() - 1, de.get(de.size() - 1));
            }
            reply.append("\n\n[").append(i + 1).append("] ").append(String.join(" ", en));
        }
        return reply.toString();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    /** Translation requests for each seed get this reply; summary requests the recorded summaries. */
    private void answer(Map<String, String> translations) throws IOException {
        for (Map.Entry<String, String> e : translations.entrySet()) {
            String title = TITLES.get(e.getKey());
            server.stubFor(StubChatServer.chat()
                    .atPriority(5)
                    .withRequestBody(containing(title))
                    .willReturn(StubChatServer.json(200, TranslateEndToEndTest.completion(e.getValue()))));
            server.stubFor(StubChatServer.chat()
                    .atPriority(1)
                    .withRequestBody(containing("Summarise this"))
                    .withRequestBody(StubChatServer.titled(title))
                    .willReturn(StubChatServer.json(
                            200,
                            TranslateEndToEndTest.completion(
                                    Files.readString(SUMMARIES.resolve(e.getKey() + ".reply.json"))))));
        }
    }

    private Map<String, String> healthy() throws IOException {
        return Map.of(
                FIRST_SEED, TranslateEndToEndTest.reference(FIRST_SEED),
                SECOND_SEED, TranslateEndToEndTest.reference(SECOND_SEED));
    }

    /** The reference translations, with the first seed's Lavrov left as the German "Lawrow" (a glossary miss). */
    private Map<String, String> oneDoubtful() throws IOException {
        return Map.of(
                FIRST_SEED, TranslateEndToEndTest.reference(FIRST_SEED).replace("Lavrov", "Lawrow"),
                SECOND_SEED, TranslateEndToEndTest.reference(SECOND_SEED));
    }

    private Cli.Result run(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                SEEDS.toString(),
                "--out",
                out.toString(),
                "--provider",
                "openai",
                "--base-url",
                StubChatServer.baseUrl(server),
                "-v"));
        args.addAll(List.of(more));
        return runWith(Map.of("OPENAI_API_KEY", KEY), args.toArray(String[]::new));
    }

    private static Map<String, JsonNode> records(Path out) throws IOException {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out.resolve("articles.jsonl"))) {
            JsonNode record = JSON.readTree(line);
            byId.put(record.get("id").asText(), record);
        }
        return byId;
    }

    @Test
    void aModelThatEchoesTheSourceLeavesFailedArticlesAndExitOneAndARerunRepairsThem() throws IOException {
        answer(echoes);
        Path out = tmp.resolve("out");

        Cli.Result echoed = run(out);

        assertThat(echoed.exitCode()).as(echoed.err()).isEqualTo(1);
        assertThat(records(out).values()).allSatisfy(record -> {
            assertThat(record.get("status").asText()).isEqualTo("failed");
            assertThat(record.has("summary")).isFalse();
            assertThat(record.at("/failure/stage").asText()).isEqualTo("translate");
            assertThat(record.at("/failure/retriable").asBoolean()).isTrue();
            assertThat(record.at("/failure/reason").asText()).contains("untranslated");
        });
        assertThat(echoed.out()).contains("2 failed (0 cleaning, 2 translation, 0 summary)");

        server.resetAll();
        answer(healthy());
        Cli.Result rerun = run(out);

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(records(out).values())
                .allSatisfy(record -> assertThat(record.get("status").asText()).isEqualTo("summarized"));
    }

    @Test
    void aModelThatLeavesTheLastSentenceOfEachParagraphInGermanGivesArticlesThatNeedReview() throws IOException {
        answer(lastSentenceGerman);
        Path out = tmp.resolve("out");

        Cli.Result r = run(out);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(records(out).values()).allSatisfy(record -> {
            assertThat(record.get("status").asText()).isEqualTo("needs-review");
            assertThat(record.at("/review/paragraphs"))
                    .as("the paragraphs to check")
                    .isNotEmpty();
            assertThat(record.at("/review/findings").toString()).contains("untranslated");
        });
        assertThat(r.out()).contains("2 need review");
        server.resetAll();
        answer(healthy());

        Cli.Result repaired = run(out, "--retry-review");

        assertThat(repaired.exitCode()).as(repaired.err()).isZero();
        assertThat(records(out).values())
                .allSatisfy(record -> assertThat(record.get("status").asText()).isEqualTo("summarized"));
    }

    @Test
    void aDoubtfulTranslationIsSummarisedButNeedsReviewWithThePlacesToCheck() throws IOException {
        answer(oneDoubtful());
        Path out = tmp.resolve("out");

        Cli.Result r = run(out);

        assertThat(r.exitCode()).as("needs review is not done: " + r.err()).isEqualTo(1);
        JsonNode doubtful = records(out).get(FIRST_SEED);
        assertThat(doubtful.get("status").asText()).isEqualTo("needs-review");
        assertThat(doubtful.at("/review/state").asText()).isEqualTo("needs-review");
        assertThat(doubtful.at("/review/paragraphs/0/paragraph").asInt()).isEqualTo(1);
        assertThat(doubtful.at("/review/paragraphs/0/checks/0").asText()).isEqualTo("glossary");
        assertThat(doubtful.at("/summary/needs_review").asBoolean()).isTrue();
        assertThat(records(out).get(SECOND_SEED).get("status").asText()).isEqualTo("summarized");
        assertThat(r.out()).contains("1 needs review");
        assertThat(Files.readString(out.resolve("md").resolve(FIRST_SEED + ".md")))
                .startsWith("> **Needs review.**")
                .contains("check paragraph 1")
                .contains("Lawrow → Lavrov");
        assertThat(Files.readString(out.resolve("report.md")))
                .contains("| needs-review | 1 |")
                .contains("9d6d41b7495442df: glossary (paragraphs 1)");
        Cli.Result reported = runWith(Map.of(), "report", out.toString());
        assertThat(reported.out())
                .as("dragoman report")
                .contains("| needs-review | 1 |")
                .contains("9d6d41b7495442df: glossary (paragraphs 1)")
                .contains("This run: completed — 2 done (1 need review), 0 skipped (done before), 0 failed");
        String fileRunLine = Files.readString(out.resolve("report.md"))
                .lines()
                .filter(l -> l.startsWith("This run: "))
                .findFirst()
                .orElseThrow();
        assertThat(reported.out()).as("the same line as report.md").contains(fileRunLine);
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/articles/needs-review").asLong()).isEqualTo(1);
        assertThat(report.at("/articles/summarized").asLong()).isEqualTo(1);

        Cli.Result again = run(out);
        assertThat(again.exitCode())
                .as("a rerun without --retry-review leaves it for a person")
                .isEqualTo(1);
        // the first seed: first reply, repair, summary; the second: reply, summary; the rerun: nothing
        assertThat(server.getAllServeEvents()).hasSize(5);
    }

    @Test
    void retryReviewSendsTheRepairWithTheFindingsAndAGoodAnswerEndsTheReview() throws IOException {
        answer(oneDoubtful());
        Path out = tmp.resolve("out");
        assertThat(run(out).exitCode()).isEqualTo(1);
        server.resetAll();
        answer(healthy());

        Cli.Result retried = run(out, "--retry-review");

        assertThat(retried.exitCode()).as(retried.err()).isZero();
        JsonNode record = records(out).get(FIRST_SEED);
        assertThat(record.get("status").asText()).isEqualTo("summarized");
        assertThat(record.has("review")).isFalse();
        List<String> bodies = server.getAllServeEvents().stream()
                .map(e -> e.getRequest().getBodyAsString())
                .toList();
        assertThat(bodies)
                .as("one repair request naming the finding, then the summary; the other seed is left alone")
                .hasSize(2)
                .anySatisfy(b -> assertThat(b).contains("Lawrow → Lavrov"));
    }

    @Test
    void aReviewModelsFindingIsSentBackAndWhatItStillFindsLeavesTheArticleForReview() throws IOException {
        answer(healthy());
        String omission = "{\"findings\":[{\"paragraph\":\"2\",\"kind\":\"omission\","
                + "\"detail\":\"The plan of consultations for 2021 is missing.\"}]}";
        for (Map.Entry<String, String> review : Map.of(
                        TITLES.get(FIRST_SEED), omission, TITLES.get(SECOND_SEED), "{\"findings\":[]}")
                .entrySet()) {
            server.stubFor(StubChatServer.chat()
                    .atPriority(0)
                    .withRequestBody(containing("Compare this German news text"))
                    .withRequestBody(containing(review.getKey()))
                    .willReturn(StubChatServer.json(200, TranslateEndToEndTest.completion(review.getValue()))));
        }
        Path out = tmp.resolve("out");

        Cli.Result r = run(out, "--review-model", "openai:gpt-4.1");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        JsonNode doubtful = records(out).get(FIRST_SEED);
        assertThat(doubtful.get("status").asText()).isEqualTo("needs-review");
        assertThat(doubtful.at("/review/paragraphs/0/paragraph").asInt()).isEqualTo(2);
        assertThat(doubtful.at("/review/findings/0/check").asText()).isEqualTo("review");
        assertThat(records(out).get(SECOND_SEED).get("status").asText()).isEqualTo("summarized");
        assertThat(r.out()).contains("Reviewed by openai gpt-4.1: findings on 1 of 2 translations");
        List<String> bodies = server.getAllServeEvents().stream()
                .map(e -> e.getRequest().getBodyAsString())
                .toList();
        assertThat(bodies).as("the repair request carries the reviewer's words").anySatisfy(b -> assertThat(b)
                .contains("Your English translation")
                .contains("omission: The plan of consultations for 2021 is missing."));
        // the repair gave the same English, so its review is the first one's request, answered by the call cache
        assertThat(bodies.stream().filter(b -> b.contains("\"gpt-4.1\"")))
                .as("review requests go to the review model, one per seed")
                .hasSize(2)
                .allSatisfy(b -> assertThat(b).contains("Compare this German news text"));

        server.resetAll();
        Cli.Result again = run(out, "--review-model", "openai:gpt-4.1");
        assertThat(again.exitCode()).as("still waiting for a person").isEqualTo(1);
        assertThat(server.getAllServeEvents())
                .as("nothing is asked again without --retry-review")
                .isEmpty();
    }

    @Test
    void estimateCountsTheReviewCalls() {
        Cli.Result without = runWith(Map.of(), "estimate", SEEDS.toString(), "--provider", "openai");
        Cli.Result with = runWith(
                Map.of(), "estimate", SEEDS.toString(), "--provider", "openai", "--review-model", "openai:gpt-4.1");

        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(with.exitCode()).as(with.err()).isZero();
        assertThat(with.out()).containsPattern("total \\(2 articles\\) +6 ");
        assertThat(without.out()).containsPattern("total \\(2 articles\\) +4 ");
    }

    @Test
    void acceptReviewMarksATranslationAsCheckedByAPerson() throws IOException {
        answer(oneDoubtful());
        Path out = tmp.resolve("out");
        assertThat(run(out).exitCode()).isEqualTo(1);

        Cli.Result accepted = run(out, "--accept-review", FIRST_SEED + ",no-such-article");

        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
        assertThat(accepted.err())
                .contains("accepted as reviewed: " + FIRST_SEED)
                .contains("not waiting for review in " + out + ", left as they are: no-such-article");
        JsonNode record = records(out).get(FIRST_SEED);
        assertThat(record.get("status").asText()).isEqualTo("summarized");
        assertThat(record.at("/review/state").asText()).isEqualTo("accepted");
        assertThat(Files.readString(out.resolve("md").resolve(FIRST_SEED + ".md")))
                .doesNotContain("Needs review");
    }
}
