package io.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.batch.BatchJob;
import io.dragoman.core.llm.batch.BatchState;
import io.dragoman.core.pipeline.BatchRounds;
import io.dragoman.core.store.BatchJobTable;
import io.dragoman.core.store.RunStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --batch} and its options on the command line, and {@code dragoman batches}. */
class BatchOptionsTest {

    @TempDir
    Path tmp;

    private Cli.Result run(String... more) {
        List<String> args = new java.util.ArrayList<>(
                List.of("run", Cli.SEEDS.toString(), "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(more));
        return Cli.runWith(Map.of("OPENAI_API_KEY", "sk-test-options"), args.toArray(String[]::new));
    }

    @Test
    void aProviderWithoutABatchApiIsAUsageErrorInOneLine() {
        Cli.Result r = run("--batch", "--provider", "ollama");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--batch: ollama has no batch API; run without --batch");
        assertThat(r.err().lines().count()).isLessThanOrEqualTo(3);
    }

    @Test
    void noCloudProviderIsRefusedAndLocalOnesAre() {
        BatchOptions options = new BatchOptions();
        options.batch = true;

        for (ProviderKind kind : ProviderKind.values()) {
            boolean local = kind == ProviderKind.OLLAMA || kind == ProviderKind.OPENAI_COMPATIBLE;
            if (local) {
                assertThatThrownBy(() -> options.check(kind))
                        .as(kind.id())
                        .hasMessage("--batch: " + kind.id() + " has no batch API; run without --batch");
            } else {
                assertThatCode(() -> options.check(kind)).as(kind.id()).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void anthropicGeminiAndMistralGetTheirOwnBatchClients() {
        BatchOptions options = new BatchOptions();
        options.batch = true;

        assertThat(options.client(config(ProviderKind.ANTHROPIC, "claude-haiku-4-5")))
                .isInstanceOf(io.dragoman.core.llm.batch.AnthropicBatchClient.class)
                .satisfies(c -> assertThat(c.limits().maxRequests()).isEqualTo(100_000));
        assertThat(options.client(config(ProviderKind.GEMINI, "gemini-2.5-flash")))
                .isInstanceOf(io.dragoman.core.llm.batch.GeminiBatchClient.class);
        assertThat(options.client(config(ProviderKind.MISTRAL, "mistral-small-latest")))
                .isInstanceOf(io.dragoman.core.llm.batch.MistralBatchClient.class);
        assertThat(options.client(config(ProviderKind.OPENAI, "gpt-4.1-mini")))
                .isInstanceOf(io.dragoman.core.llm.batch.OpenAiBatchClient.class);
    }

    private static io.dragoman.core.llm.ProviderConfig config(ProviderKind kind, String model) {
        return io.dragoman.core.llm.ProviderConfig.of(
                kind, model, "http://127.0.0.1:9/v1", Optional.of("sk-test"), "KEY");
    }

    @Test
    void batchOptionsWithoutBatchOrWithStandardInputAreUsageErrors() {
        assertThat(run("--batch-poll", "10s").err()).contains("go with --batch");
        assertThat(run("--batch-submit-only").exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Result stdin = Cli.runWith(
                Map.of("OPENAI_API_KEY", "sk-test-options"),
                "run",
                "-",
                "--out",
                tmp.resolve("out").toString(),
                "--batch");
        assertThat(stdin.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(stdin.err()).contains("cannot read standard input (-)");
    }

    @Test
    void pollIntervalsAndFollowUpsAreReadAndCheckedBeforeAnyWork() {
        BatchOptions options = new BatchOptions();
        options.batch = true;
        options.poll = "500ms,2m";
        options.followups = "online";
        BatchRounds.Settings settings = options.settings();
        assertThat(settings.firstPoll()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.maxPoll()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.followups()).isEqualTo(BatchRounds.Followups.ONLINE);

        options.poll = "1h";
        assertThat(options.settings().maxPoll()).isEqualTo(Duration.ofHours(1));

        assertThat(run("--batch", "--batch-poll", "0s").err()).contains("--batch-poll: a wait is written as");
        assertThat(run("--batch", "--batch-poll", "5m,30s").err()).contains("MAX cannot be shorter than FIRST");
        assertThat(run("--batch", "--batch-followups", "later").err())
                .contains("--batch-followups must be auto, batch or online");
    }

    @Test
    void batchesListsTheJobsOfARunDirectoryWithStateCountsAndCost() {
        Path out = tmp.resolve("out");
        try (RunStore store = RunStore.open(out.resolve("dragoman.db"))) {
            BatchJobTable jobs = store.batchJobs();
            ProviderInfo info = new ProviderInfo(ProviderKind.OPENAI, "gpt-4.1-mini", "http://127.0.0.1:1/v1");
            jobs.prepare("dragoman-a", info, "hash", List.of(new BatchJobTable.Item("r1", "k1")));
            jobs.submitted("dragoman-a", "batch_one");
            jobs.seen(
                    "dragoman-a",
                    new BatchJob(
                            "batch_one", BatchState.IN_PROGRESS, 1, 0, 0, Instant.now(), Map.of(), Optional.empty()));
            jobs.prepare("dragoman-b", info, "hash2", List.of(new BatchJobTable.Item("r1", "k2")));
        }

        Cli.Result r = Cli.run("batches", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("JOB", "STATE", "REQUESTS", "COST");
        assertThat(r.out()).containsPattern("batch_one\\s+openai gpt-4.1-mini\\s+in progress\\*\\s+1\\s+0\\s+0");
        assertThat(r.out()).contains("(not submitted)");
        assertThat(r.out()).contains("still open: the next 'dragoman run … --batch --out");
    }

    @Test
    void batchesOnADirectoryWithoutAStoreSaysHowToMakeOne() {
        Cli.Result r = Cli.run("batches", tmp.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("holds no run store");
    }
}
