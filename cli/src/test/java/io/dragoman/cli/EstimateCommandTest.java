package io.dragoman.cli;

import static io.dragoman.cli.Cli.FIRST_SEED;
import static io.dragoman.cli.Cli.SEEDS;
import static io.dragoman.cli.Cli.runWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dragoman estimate} and {@code --dry-run}: what a run would send and cost, with nothing sent. */
class EstimateCommandTest {

    private static final String KEY = "sk-test-estimate-0123456789";

    @TempDir
    Path tmp;

    @Test
    void estimatesTokensAndCostPerArticleAndInTotalWithoutAKey() {
        Cli.Result r = runWith(Map.of(), "estimate", SEEDS.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList())
                .anySatisfy(l ->
                        assertThat(l).startsWith(FIRST_SEED).contains(" 2 ").contains("$"))
                .anySatisfy(l -> assertThat(l)
                        .startsWith("total (2 articles)")
                        .contains(" 4 ")
                        .contains("$"));
        assertThat(r.out()).contains("Priced for openai gpt-4.1-mini");
    }

    @Test
    void withBatchTheEstimateIsAtTheBatchPriceAndSaysSo() {
        Cli.Result online = runWith(Map.of(), "estimate", SEEDS.toString());
        Cli.Result batch = runWith(Map.of(), "estimate", SEEDS.toString(), "--batch");

        assertThat(batch.exitCode()).as(batch.err()).isZero();
        assertThat(batch.out()).contains("Priced for openai gpt-4.1-mini at its batch price (--batch).");
        // gpt-4.1-mini's batch tier is half its online price: the upper bound of the total halves
        assertThat(upperTotal(batch.out()).multiply(java.math.BigDecimal.valueOf(2)))
                .isCloseTo(
                        upperTotal(online.out()),
                        org.assertj.core.data.Offset.offset(new java.math.BigDecimal("0.0002")));
        assertThat(upperTotal(batch.out())).isLessThan(upperTotal(online.out()));
    }

    private static java.math.BigDecimal upperTotal(String out) {
        String total =
                out.lines().filter(l -> l.startsWith("total")).findFirst().orElseThrow();
        return new java.math.BigDecimal(
                total.substring(total.lastIndexOf('$') + 1).strip());
    }

    @Test
    void estimatesForTheNamedModelAndStage() {
        Cli.Result r = runWith(
                Map.of(),
                "estimate",
                SEEDS.toString(),
                "--provider",
                "ollama",
                "--model",
                "llama3.1:8b",
                "--only",
                "summarize");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("total (2 articles)")
                .contains("$0.0000–$0.0000")
                .contains("ollama llama3.1:8b");
        assertThat(r.out().lines().filter(l -> l.startsWith("total")))
                .singleElement()
                .satisfies(l -> assertThat(l).contains(" 2 "));
    }

    @Test
    void asksForAModelWhenTheProviderHasNoDefault() {
        Cli.Result r = runWith(Map.of(), "estimate", SEEDS.toString(), "--provider", "openai-compatible");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--model");
    }

    @Test
    void dryRunPrintsTheFirstArticlesRequestsAndSendsAndWritesNothing() {
        Path out = tmp.resolve("out");

        Cli.Result r = runWith(
                Map.of("OPENAI_API_KEY", KEY),
                "run",
                SEEDS.toString(),
                "--out",
                out.toString(),
                "--base-url",
                "http://127.0.0.1:9/v1",
                "--dry-run");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Dry run: nothing is sent. The first attempt at " + FIRST_SEED + " would send 2 requests")
                .contains("--- request 1 of 2: max output tokens")
                .contains("[system]")
                .contains("<article>\n[T] Belarus und Russland vereinbarten")
                .contains("JSON schema as the response format")
                .contains("total (2 articles)")
                .doesNotContain(KEY);
        assertThat(r.err()).doesNotContain(KEY);
        assertThat(out).doesNotExist();
    }
}
