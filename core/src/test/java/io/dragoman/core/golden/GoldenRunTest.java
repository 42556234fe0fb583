package io.dragoman.core.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.golden.ReplyPlan.Transport;
import io.dragoman.core.pipeline.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs, compared byte for byte with golden files recorded from an earlier version of the code: the real stack
 * ({@link GoldenStack}) against a stand-in model whose every reply is a function of its request ({@link StandInModel}),
 * so the same code gives the same outputs however the workers interleave. A safety net for refactoring: a change that
 * alters what a run writes, or what it asks the model, fails here with the first file and line that differ.
 *
 * <p>Rewrite the golden files after an intended change with {@code ./mvnw -pl core -am test -Dtest=GoldenRunTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Ddragoman.golden.update=true}, then review the diff; see {@link
 * GoldenFiles} for what is normalised and for hiding prompt versions.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GoldenRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The synthetic run's articles. */
    static final int SYNTHETIC_ARTICLES = 200;

    @TempDir
    Path out;

    @Test
    void seedsRunProducesTheRecordedOutputs() throws IOException {
        try (GoldenStack stack = new GoldenStack(ReplyPlan.Mix.NONE, GoldenScenarios.seeds())) {
            RunResult result = stack.run(out, GoldenScenarios::seedInputs);

            assertThat(stack.standIn().unexpected()).isEmpty();
            assertThat(result.done()).isEqualTo(2);
            assertThat(result.calls()).isEqualTo(4);
            writeRequests(stack, out);
            GoldenFiles.verify(out, "seeds", GoldenFiles.Normalisation.fromSystemProperties());
        }
    }

    @Test
    void syntheticRunWithFaultsProducesTheRecordedOutputs() throws IOException {
        try (GoldenStack stack = new GoldenStack(GoldenScenarios.MIX, GoldenScenarios.synthetic())) {
            RunResult result =
                    stack.run(out, () -> GoldenScenarios.syntheticInputs(LongStream.range(0, SYNTHETIC_ARTICLES)));

            assertThat(stack.standIn().unexpected()).isEmpty();
            assertThat(result.stop()).isEqualTo(RunResult.Stop.COMPLETED);
            assertThat(result.done() + result.failed()).isEqualTo(SYNTHETIC_ARTICLES);
            Map<String, Integer> tally = stack.standIn().tally();
            List<JsonNode> records = jsonl(out.resolve("articles.jsonl"));
            List<JsonNode> failures = jsonl(out.resolve("failures.jsonl"));
            System.out.printf(
                    "Golden synthetic run: %d done, %d failed, %d paid calls, %d retry waits; %s%n",
                    result.done(),
                    result.failed(),
                    result.calls(),
                    stack.retryWaits().size(),
                    tally);

            // every transport fault the retries recover from was injected, and they did recover
            for (Transport t : Transport.values()) {
                if (t != Transport.BAD_REQUEST) {
                    assertThat(tally.getOrDefault("send " + t, 0))
                            .as("sends that got %s", t)
                            .isPositive();
                }
            }
            assertThat(stack.retryWaits()).hasSizeGreaterThan(100);
            // repairs and re-asks happened, and most of them worked
            assertThat(count(records, r -> checkStatuses(r).contains("repaired")))
                    .as("translations with a repaired check")
                    .isGreaterThan(10);
            assertThat(count(records, r -> checkStatuses(r).contains("warning")))
                    .as("translations kept with a warning")
                    .isPositive();
            assertThat(count(records, r -> r.at("/summary/provenance/reasked").asBoolean()))
                    .as("summaries that needed a re-ask")
                    .isGreaterThan(5);
            // and some articles failed for good, each way
            assertThat(failures).hasSize(result.failed());
            assertThat(count(failures, f -> f.get("retriable").asBoolean()))
                    .as("failures a rerun may fix")
                    .isPositive();
            assertThat(count(failures, f -> !f.get("retriable").asBoolean()))
                    .as("failures a rerun will not fix (HTTP 400)")
                    .isPositive();
            for (String kind : List.of(
                    "translate: .*rejected the request \\(HTTP 400\\).*",
                    "translate: .*after a repair request.*paragraph-count.*",
                    "summarize: .*\\(HTTP 503\\).*gave up after 5 attempts.*",
                    "summarize: .*did not validate against the summary schema after a re-ask.*")) {
                assertThat(count(failures, f -> (f.get("stage").asText() + ": "
                                        + f.get("reason").asText())
                                .matches(kind)))
                        .as("failures like %s", kind)
                        .isPositive();
            }
            writeRequests(stack, out);
            GoldenFiles.verify(out, "synthetic", GoldenFiles.Normalisation.fromSystemProperties());
        }
    }

    /** The stand-in's request log, as {@code requests.txt}: one line per distinct request. */
    static void writeRequests(GoldenStack stack, Path dir) throws IOException {
        Files.write(dir.resolve("requests.txt"), stack.standIn().requestLog(), StandardCharsets.UTF_8);
    }

    private static List<String> checkStatuses(JsonNode record) {
        List<String> statuses = new ArrayList<>();
        record.at("/translation/checks")
                .forEach(c -> statuses.add(c.get("status").asText()));
        return statuses;
    }

    private static long count(List<JsonNode> nodes, Predicate<JsonNode> which) {
        return nodes.stream().filter(which).count();
    }

    static List<JsonNode> jsonl(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }
}
