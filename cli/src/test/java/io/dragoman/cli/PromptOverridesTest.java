package io.dragoman.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.dragoman.cli.Cli.FIRST_SEED;
import static io.dragoman.cli.Cli.SEEDS;
import static io.dragoman.cli.Cli.runWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --prompts DIR} replaces the wording of the requests Dragoman sends after a bad reply: the problem lines of a
 * translation repair and the whole re-ask of an invalid summary, and the prompt versions recorded with the results
 * change with them. Against a stand-in that answers the first seed's translation with a paragraph missing and its
 * summary with an object that does not validate.
 */
class PromptOverridesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SUMMARIES = Path.of("..", "core", "src", "test", "resources", "summary");
    private static final String FIRST_TITLE = "Belarus und Russland vereinbarten";

    private WireMockServer server;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws IOException {
        server = StubChatServer.start();
        String reference = TranslateEndToEndTest.reference(FIRST_SEED);
        String dropped = reference.substring(0, reference.indexOf("\n\n[5]"))
                + reference.substring(reference.indexOf("\n\n[6]"));
        String summary = Files.readString(SUMMARIES.resolve(FIRST_SEED + ".reply.json"));
        // the first translation drops paragraph [5]; the repair (it holds the failed reply in <previous>) is right
        answer(3, "Translate this", notContaining("<previous>"), dropped);
        answer(2, "Translate the whole source again", containing("<previous>"), reference);
        // the first summary does not validate; the re-ask (it holds the reply in <previous>) does
        answer(2, "Summarise this", notContaining("<previous>"), "{\"headline\": \"Talks\"}");
        answer(1, "Summarise this", containing("<previous>"), summary);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private void answer(
            int priority, String task, com.github.tomakehurst.wiremock.matching.StringValuePattern more, String reply) {
        server.stubFor(StubChatServer.chat()
                .atPriority(priority)
                .withRequestBody(containing(task))
                .withRequestBody(StubChatServer.titled(FIRST_TITLE))
                .withRequestBody(more)
                .willReturn(StubChatServer.json(200, TranslateEndToEndTest.completion(reply))));
    }

    private Cli.Result run(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "run",
                SEEDS.resolve(FIRST_SEED + ".txt").toString(),
                "--out",
                out.toString(),
                "--provider",
                "openai",
                "--base-url",
                StubChatServer.baseUrl(server)));
        args.addAll(List.of(more));
        return runWith(Map.of("OPENAI_API_KEY", "sk-test-prompts-0123456789"), args.toArray(String[]::new));
    }

    @Test
    void aPromptsFolderReplacesTheRepairAndReAskWordingAndTheRecordedVersions() throws IOException {
        Path builtIn = tmp.resolve("built-in");
        Cli.Result first = run(builtIn);
        assertThat(first.exitCode()).as(first.err()).isZero();
        List<String> builtInBodies = bodies();
        assertThat(builtInBodies)
                .anySatisfy(b -> assertThat(b).contains("Your previous answer was not a valid summary object"))
                .noneSatisfy(b -> assertThat(b).contains("REPAIR-THIS"));

        Path prompts = tmp.resolve("prompts");
        Files.createDirectories(prompts.resolve("repair"));
        Files.createDirectories(prompts.resolve("summarize"));
        Files.writeString(prompts.resolve("repair/problem.md"), "- REPAIR-THIS: {{problem}}\n");
        Files.writeString(
                prompts.resolve("summarize/reask.md"),
                "CUSTOM RE-ASK. What was wrong:\n{{errors}}\n\nOnce more, please. Before:\n\n<previous>\n"
                        + "{{previous}}\n</previous>\n");
        server.resetRequests();
        Path custom = tmp.resolve("custom");

        Cli.Result second = run(custom, "--prompts", prompts.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        List<String> bodies = bodies();
        assertThat(bodies)
                .filteredOn(b -> b.contains("Translate the whole source again"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("- REPAIR-THIS: The source has 11 marked paragraphs");
        assertThat(bodies)
                .filteredOn(b -> b.contains("Summarise this") && b.contains("<previous>"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("CUSTOM RE-ASK. What was wrong:")
                .doesNotContain("Your previous answer was not a valid summary object");

        JsonNode before = record(builtIn);
        JsonNode after = record(custom);
        assertThat(after.at("/translation/checks/1/status").asText()).isEqualTo("repaired");
        assertThat(after.at("/summary/provenance/reasked").asBoolean()).isTrue();
        assertThat(after.at("/translation/promptVersions/translate"))
                .as("translate's own files did not change")
                .isEqualTo(before.at("/translation/promptVersions/translate"));
        assertThat(after.at("/translation/promptVersions/repair").asText())
                .matches("[0-9a-f]{12}")
                .isNotEqualTo(before.at("/translation/promptVersions/repair").asText());
        assertThat(after.at("/summary/provenance/promptVersion").asText())
                .matches("[0-9a-f]{12}")
                .isNotEqualTo(before.at("/summary/provenance/promptVersion").asText());
    }

    private List<String> bodies() {
        return server.findAll(postRequestedFor(urlPathEqualTo(StubChatServer.CHAT_PATH))).stream()
                .map(LoggedRequest::getBodyAsString)
                .toList();
    }

    private static JsonNode record(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("articles.jsonl"));
        assertThat(lines).hasSize(1);
        return JSON.readTree(lines.get(0));
    }
}
